package dev.steward.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Steward's own secrets, each created once (by whichever node gets there first) and kept wrapped by the master key
 * in the database, so every node sharing the database uses the same ones.
 */
@Component
class NamedKeys {

    private final MasterKey master;
    private final VaultKeyRepository keys;
    private final Clock clock;

    NamedKeys(MasterKey master, VaultKeyRepository keys, Clock clock) {
        this.master = master;
        this.keys = keys;
        this.clock = clock;
    }

    byte[] get(String name, Supplier<byte[]> create) {
        byte[] wrapped = keys.find(name).orElseGet(() -> {
            keys.insertIfAbsent(name, master.wrap(create.get(), context(name)), clock.instant());
            return keys.find(name).orElseThrow();
        });
        try {
            return master.unwrap(wrapped, context(name));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The key '" + name + "' in the database does not open with the master key set"
                            + " of this node. Every node sharing a database needs the same master key set (STEWARD_MASTER_KEY).",
                    e);
        }
    }

    /** The named HMAC-SHA-256 key as a pseudo-random function, created at first use. */
    Prf hmac(String name) throws GeneralSecurityException {
        PrfConfig.register();
        byte[] keyset = get(name, NamedKeys::generateHmac);
        KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
        return handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class)
                .getPrfs()
                .values()
                .iterator()
                .next();
    }

    private static byte[] generateHmac() {
        try {
            PrfConfig.register();
            return TinkProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String context(String name) {
        return "steward-key:" + name;
    }
}
