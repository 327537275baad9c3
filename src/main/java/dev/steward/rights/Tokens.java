package dev.steward.rights;

import dev.steward.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Unguessable single-use tokens and codes, kept only as hashes. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Six digits, for someone who reads the e-mail on another device than the one they asked from. */
    static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    /** A code is short, so its hash is bound to its request: a stolen table cannot be searched for all codes at once. */
    static byte[] hash(UUID request, String code) {
        return hash(request + ":" + code);
    }
}
