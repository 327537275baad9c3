package dev.steward.vault;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the database agree with the erasure log kept outside it. Tombstones the database lacks (it was restored
 * from a backup taken before those erasures) are applied again: whoever they erased is erased again, and the
 * tombstone is appended to the database's log. Tombstones the file lacks (a crash between commit and file write)
 * are written to the file.
 */
@Component
class ErasureReplay {

    private final VaultRepository vault;
    private final ErasureLogRepository log;
    private final ErasureLogFile file;
    private final SubjectKeys keys;
    private final TransactionTemplate transaction;

    ErasureReplay(
            VaultRepository vault,
            ErasureLogRepository log,
            ErasureLogFile file,
            SubjectKeys keys,
            TransactionTemplate transaction) {
        this.vault = vault;
        this.log = log;
        this.file = file;
        this.keys = keys;
        this.transaction = transaction;
    }

    record Outcome(int tombstones, int replayed, int subjectsErasedAgain, int recordsErasedAgain, int writtenToFile) {}

    Outcome replay(List<Tombstone> fromFile, Consumer<String> progress) {
        Set<UUID> known = log.ids();
        int replayed = 0;
        int subjects = 0;
        int records = 0;
        for (Tombstone tombstone : fromFile) {
            if (known.contains(tombstone.id())) {
                continue;
            }
            int[] erased = transaction.execute(status -> apply(tombstone));
            subjects += erased[0];
            records += erased[1];
            replayed++;
            if (replayed % 1000 == 0) {
                progress.accept("replayed " + replayed + " tombstones");
            }
        }
        Set<UUID> inFile = fromFile.stream().map(Tombstone::id).collect(java.util.stream.Collectors.toSet());
        List<Tombstone> missingFromFile =
                log.all().stream().filter(t -> !inFile.contains(t.id())).toList();
        file.append(missingFromFile);
        return new Outcome(fromFile.size(), replayed, subjects, records, missingFromFile.size());
    }

    private int[] apply(Tombstone tombstone) {
        int subjects = 0;
        int records = 0;
        if (tombstone.wholeSubject()) {
            subjects = vault.deleteSubject(tombstone.subject()) ? 1 : 0;
        } else {
            records = vault.deleteRecords(tombstone.records());
        }
        log.append(tombstone);
        if (tombstone.subject() != null) {
            keys.forget(tombstone.subject());
        }
        return new int[] {subjects, records};
    }
}
