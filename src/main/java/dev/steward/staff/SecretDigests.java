package dev.steward.staff;

import dev.steward.platform.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Whether a presented secret's SHA-256 is the stored one, compared in constant time, with a digest, an input buffer
 * and a result kept per request thread.
 *
 * <p>WHY: every API call checks its key, and a new {@code MessageDigest} (looked up through the providers), the
 * secret's bytes and the result were allocated for each: garbage that the young collections behind the consent
 * decision's slowest percent collect (bench/README.md). The check itself is the same: the full SHA-256 of the secret
 * against the stored digest, every time, nothing remembered of a presented secret. A secret longer than the buffer
 * or not ASCII (never one Steward issued) is hashed the ordinary way.
 */
final class SecretDigests {

    private static final int BUFFER = 128;

    private final ThreadLocal<Digest> digests = ThreadLocal.withInitial(Digest::new);

    /** Whether the SHA-256 of {@code token} from {@code from} on (UTF-8) is {@code expected}. */
    boolean matches(String token, int from, byte[] expected) {
        int length = token.length() - from;
        if (length <= BUFFER && ascii(token, from)) {
            return digests.get().matches(token, from, length, expected);
        }
        return MessageDigest.isEqual(
                expected, Sha256.digest(token.substring(from).getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean ascii(String token, int from) {
        for (int i = from; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static final class Digest {

        private final MessageDigest sha256;
        private final byte[] input = new byte[BUFFER];
        private final byte[] result;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
            result = new byte[sha256.getDigestLength()];
        }

        boolean matches(String token, int from, int length, byte[] expected) {
            for (int i = 0; i < length; i++) {
                input[i] = (byte) token.charAt(from + i);
            }
            sha256.reset();
            sha256.update(input, 0, length);
            // the thread keeps its buffer, not the secret
            java.util.Arrays.fill(input, 0, length, (byte) 0);
            try {
                sha256.digest(result, 0, result.length);
            } catch (DigestException e) {
                throw new IllegalStateException("The result buffer is the digest's length", e);
            }
            return MessageDigest.isEqual(expected, result);
        }
    }
}
