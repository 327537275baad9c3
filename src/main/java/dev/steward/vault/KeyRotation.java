package dev.steward.vault;

import java.security.GeneralSecurityException;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new master key wraps every subject key and Steward key again; the data itself is not touched. The old master key
 * is dropped only when nothing needs it, so an interrupted rotation is finished by running it again.
 */
@Component
class KeyRotation {

    private static final int BATCH = 1000;

    private final MasterKey master;
    private final VaultRepository subjects;
    private final VaultKeyRepository namedKeys;
    private final TransactionTemplate transaction;

    KeyRotation(
            MasterKey master, VaultRepository subjects, VaultKeyRepository namedKeys, TransactionTemplate transaction) {
        this.master = master;
        this.subjects = subjects;
        this.namedKeys = namedKeys;
        this.transaction = transaction;
    }

    record Rotated(long subjectKeys, int stewardKeys) {}

    long subjectCount() {
        return subjects.subjectCount();
    }

    /** @param rewrapped told how many subject keys each batch went through */
    Rotated rotate(LongConsumer rewrapped) throws GeneralSecurityException {
        master.rotate();
        long[] done = {0};
        subjects.forEachWrappedKey(BATCH, batch -> {
            transaction.executeWithoutResult(status -> batch.forEach(this::rewrap));
            done[0] += batch.size();
            rewrapped.accept(batch.size());
        });
        transaction.executeWithoutResult(status -> namedKeys.names().forEach(this::rewrapNamed));
        master.retireOldKeys();
        return new Rotated(done[0], namedKeys.names().size());
    }

    private void rewrap(VaultRepository.WrappedKey key) {
        if (!master.isCurrent(key.wrapped())) {
            String context = SubjectKeys.context(key.subject());
            subjects.replaceWrappedKey(key.subject(), master.wrap(unwrap(key.wrapped(), context), context));
        }
    }

    private void rewrapNamed(String name) {
        byte[] wrapped = namedKeys.find(name).orElseThrow();
        if (!master.isCurrent(wrapped)) {
            String context = NamedKeys.context(name);
            namedKeys.replace(name, master.wrap(unwrap(wrapped, context), context));
        }
    }

    private byte[] unwrap(byte[] wrapped, String context) {
        try {
            return master.unwrap(wrapped, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A key does not open with the master key set", e);
        }
    }
}
