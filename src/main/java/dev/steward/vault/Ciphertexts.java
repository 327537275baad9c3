package dev.steward.vault;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * How personal values are sealed under a subject's key: AES-256-GCM with associated data that binds each ciphertext
 * to the one place it belongs (a record, an identifier of a kind), so that a value copied elsewhere does not open.
 */
final class Ciphertexts {

    private Ciphertexts() {}

    static byte[] encrypt(Aead key, byte[] plaintext, String context) {
        try {
            return key.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    static byte[] decrypt(Aead key, byte[] sealed, String context) {
        try {
            return key.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Ciphertext does not open under its subject's key in context " + context.split(":")[0], e);
        }
    }

    static String recordContext(RecordId record, SubjectId subject) {
        return "record:" + record + ":" + subject;
    }

    static String identifierContext(SubjectId subject, Identifier.Kind kind) {
        return "identifier:" + subject + ":" + kind;
    }
}
