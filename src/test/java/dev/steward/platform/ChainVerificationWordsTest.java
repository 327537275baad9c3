package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code ledger verify} prints for an intact chain, as an operator reads it. */
class ChainVerificationWordsTest {

    @Test
    void oneRowIsARowAndMoreAreRows() {
        byte[] head = new byte[32];

        assertThat(new HashChain.Verification("disclosure", 1, null, null, 1, head).describe())
                .startsWith("disclosure: intact, 1 row, head 0000");
        assertThat(new HashChain.Verification("consent", 2, null, null, 2, head).describe())
                .startsWith("consent: intact, 2 rows, head 0000");
        assertThat(new HashChain.Verification("audit", 0, null, null, 0, head).describe())
                .startsWith("audit: intact, 0 rows, head 0000");
    }
}
