package dev.steward.vault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the database agree with the erasure log kept outside it. Tombstones the database lacks (it was restored
 * from a backup taken before those erasures) are applied again through the path every erasure takes ({@link
 * Eraser}): whoever they erased is erased again, every module deletes what it holds about them as it did the first
 * time, and the tombstone is appended to the database's log. Tombstones the file lacks (a crash between commit and
 * file write) are written to the file.
 */
@Component
class ErasureReplay {

    /** Tombstones applied in one transaction: a sweep's batch of thousands replays in a few. */
    private static final int CHUNK = 1_000;

    private final Eraser eraser;
    private final ErasureLogRepository log;
    private final ErasureLogFile file;
    private final TransactionTemplate transaction;

    ErasureReplay(Eraser eraser, ErasureLogRepository log, ErasureLogFile file, TransactionTemplate transaction) {
        this.eraser = eraser;
        this.log = log;
        this.file = file;
        this.transaction = transaction;
    }

    record Outcome(int tombstones, int replayed, int subjectsErasedAgain, int recordsErasedAgain, int writtenToFile) {}

    /** Reads the file one tombstone at a time: it holds every erasure ever made, and only their ids are kept. */
    Outcome replay(Path fromFile, Consumer<String> progress) {
        Set<UUID> known = log.ids();
        Set<UUID> inFile = new HashSet<>();
        List<Tombstone> missing = new ArrayList<>();
        Replay done = new Replay();
        try (Stream<Tombstone> tombstones = file.stream(fromFile)) {
            for (Tombstone tombstone : (Iterable<Tombstone>) tombstones::iterator) {
                inFile.add(tombstone.id());
                // another node may have erased someone since the snapshot: its tombstone reaches the file only
                // after it is in the database, so one look settles it
                if (known.contains(tombstone.id()) || log.contains(tombstone.id())) {
                    continue;
                }
                missing.add(tombstone);
                if (missing.size() == CHUNK) {
                    done.apply(missing, progress);
                }
            }
        }
        done.apply(missing, progress);
        // Every tombstone the database had before is either in the file or to be written to it; replayed ones are.
        List<Tombstone> missingFromFile = inFile.containsAll(known)
                ? List.of()
                : log.all().stream().filter(t -> !inFile.contains(t.id())).toList();
        file.append(missingFromFile);
        return new Outcome(inFile.size(), done.tombstones, done.subjects, done.records, missingFromFile.size());
    }

    /** What the replay did so far; it applies tombstones a chunk at a time, each chunk in one transaction. */
    private final class Replay {

        private int tombstones;
        private int subjects;
        private int records;

        void apply(List<Tombstone> chunk, Consumer<String> progress) {
            if (chunk.isEmpty()) {
                return;
            }
            Eraser.Replayed replayed = Objects.requireNonNull(transaction.execute(status -> eraser.replay(chunk)));
            tombstones += chunk.size();
            subjects += replayed.subjects();
            records += replayed.records();
            chunk.clear();
            progress.accept("replayed " + tombstones + " tombstones");
        }
    }
}
