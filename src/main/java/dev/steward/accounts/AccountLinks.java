package dev.steward.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** The random tokens of the links an account's holder gets by e-mail; only their SHA-256 is ever stored. */
@Component
class AccountLinks {

    private final SecureRandom random = new SecureRandom();

    String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
