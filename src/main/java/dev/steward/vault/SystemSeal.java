package dev.steward.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Encrypts personal data that must outlive its subject's key for a short, stated while: an erasure must still be
 * passed on to the recipients who received the data (GDPR Art. 19), and they must be told whom to erase. Callers
 * delete what they sealed here as soon as the duty is done. Keyed by a Steward key wrapped by the master key.
 */
@Service
public class SystemSeal {

    static final String KEY_NAME = "system-seal-aes256-gcm";

    private final Aead aead;

    SystemSeal(NamedKeys keys) throws GeneralSecurityException {
        AeadConfig.register();
        byte[] keyset = keys.get(KEY_NAME, SystemSeal::generate);
        this.aead = TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    public byte[] seal(byte[] plaintext, String context) {
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    public Optional<byte[]> open(byte[] ciphertext, String context) {
        try {
            return Optional.of(aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] generate() {
        try {
            AeadConfig.register();
            return TinkProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
