package dev.steward.vault;

import com.google.crypto.tink.prf.Prf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.springframework.stereotype.Component;

/**
 * Finds people without decrypting: the index of an identifier is a keyed HMAC-SHA-256 of its kind and normalised
 * value. Without the key, held wrapped by the master key, a database dump cannot confirm whether anyone is in it.
 */
@Component
class BlindIndex {

    static final String KEY_NAME = "blind-index-hmac-sha256";

    private final Prf prf;

    BlindIndex(NamedKeys keys) throws GeneralSecurityException {
        this.prf = keys.hmac(KEY_NAME);
    }

    byte[] of(Identifier identifier) {
        try {
            return prf.compute((identifier.kind() + ":" + identifier.value()).getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
