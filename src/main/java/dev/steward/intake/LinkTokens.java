package dev.steward.intake;

import dev.steward.platform.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** The random tokens in links sent by e-mail: 256 bits, URL-safe; only their SHA-256 is ever stored. */
@Component
class LinkTokens {

    private final SecureRandom random = new SecureRandom();

    String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
