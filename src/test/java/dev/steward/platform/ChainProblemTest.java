package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChainProblemTest {

    private static final Instant SIGNED = Instant.parse("2026-12-05T10:15:30Z");

    @Test
    void englishIsWhatLedgerVerifyPrintsWithTheCheckpointsInstantAndPlainRowNumbers() {
        assertThat(ChainProblem.atCheckpoint("checkpoint-rows-removed", SIGNED, 12_345, 12_000)
                        .english())
                .isEqualTo("the checkpoint of 2026-12-05T10:15:30Z signed the chain up to row 12345 but it ends at"
                        + " row 12000 (its newest rows were removed)");
        assertThat(ChainProblem.of("newest-rows-removed", 9, 6, 7).english())
                .isEqualTo("the chain's head names row 9 but the chain ends at row 6: its newest rows, 7 to 9, were"
                        + " removed");
    }

    @Test
    void aReaderGetsTheSentenceInTheirLanguageWithTheTimeWrittenForThem() {
        ChainProblem problem = ChainProblem.atCheckpoint("checkpoint-hash-differs", SIGNED);

        assertThat(problem.in(Locale.GERMAN, at -> "5. Dezember 2026, 10:15 UTC"))
                .isEqualTo("Sein Hash weicht von dem im Prüfpunkt vom 5. Dezember 2026, 10:15 UTC signierten ab (die"
                        + " Kette wurde umgeschrieben)");
        assertThat(problem.in(Locale.JAPANESE, at -> "2026年12月5日 10:15 UTC"))
                .startsWith("ハッシュが 2026年12月5日 10:15 UTC のチェックポイント");
        assertThat(problem.in(Locale.forLanguageTag("fr"), at -> "5 décembre 2026"))
                .as("a language Steward does not ship reads English")
                .startsWith("its hash differs from the one signed in the checkpoint of 5 décembre 2026");
    }
}
