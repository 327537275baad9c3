package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys rotate}: a new master key wraps every subject key and Steward key again; the data itself is not
 * touched. The old master key is dropped only when nothing needs it, so an interrupted rotation is finished by
 * running the command again.
 */
@Command(name = "keys rotate", usage = "keys rotate   rotate the master key and re-wrap every subject key")
class KeysRotateCommand implements CliCommand {

    private static final int BATCH = 1000;

    private final MasterKey master;
    private final VaultRepository subjects;
    private final VaultKeyRepository namedKeys;
    private final TransactionTemplate transaction;

    KeysRotateCommand(
            MasterKey master, VaultRepository subjects, VaultKeyRepository namedKeys, TransactionTemplate transaction) {
        this.master = master;
        this.subjects = subjects;
        this.namedKeys = namedKeys;
        this.transaction = transaction;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("Usage: java -jar steward.jar keys rotate");
            return 2;
        }
        try {
            master.rotate();
            long total = subjects.subjectCount();
            long[] done = {0};
            subjects.forEachWrappedKey(BATCH, batch -> {
                transaction.executeWithoutResult(status -> batch.forEach(this::rewrap));
                done[0] += batch.size();
                out.println("re-wrapped " + done[0] + " / " + total + " subject keys");
            });
            transaction.executeWithoutResult(status -> namedKeys.names().forEach(this::rewrapNamed));
            master.retireOldKeys();
            out.println("Master key rotated: " + done[0] + " subject keys and "
                    + namedKeys.names().size()
                    + " Steward keys re-wrapped; the old master key is destroyed. Copy the new key set to every node.");
            return 0;
        } catch (GeneralSecurityException e) {
            err.println("Rotation failed: " + e.getMessage() + ". Run 'keys rotate' again to finish it.");
            return 1;
        }
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
