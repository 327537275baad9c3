package dev.steward.vault;

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

    static String context(String name) {
        return "steward-key:" + name;
    }
}
