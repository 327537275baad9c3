package dev.steward.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
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
        PrfConfig.register();
        byte[] keyset = keys.get(KEY_NAME, BlindIndex::generate);
        KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
        this.prf = handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class)
                .getPrfs()
                .values()
                .iterator()
                .next();
    }

    byte[] of(Identifier identifier) {
        try {
            return prf.compute((identifier.kind() + ":" + identifier.value()).getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] generate() {
        try {
            PrfConfig.register();
            return TinkProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
