package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestPasswords;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The test contexts hash at bcrypt's lowest work factor ({@link TestPasswords}), so no full-app test sees the
 * product's own encoder: this one pins what the product stores, and that both read each other's hashes.
 */
class PasswordConfigurationTest {

    private final PasswordEncoder product = new PasswordConfiguration().passwordEncoder();

    @Test
    void theProductStoresBcryptAtWorkFactorTenNamingTheAlgorithm() {
        assertThat(product.encode("correct-horse-battery")).startsWith("{bcrypt}$2a$10$");
    }

    @Test
    void theProductReadsTheTestsHashesAndTheTestsReadTheProducts() {
        assertThat(product.matches(
                        "correct-horse-battery", TestPasswords.encoder().encode("correct-horse-battery")))
                .isTrue();
        assertThat(TestPasswords.encoder().matches("correct-horse-battery", product.encode("correct-horse-battery")))
                .isTrue();
        assertThat(product.matches("wrong", TestPasswords.encoder().encode("correct-horse-battery")))
                .isFalse();
    }
}
