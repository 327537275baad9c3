package dev.steward.vault;

import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * What the {@code retention sweep} command reads of its database while it starts: the pages its first batches and its
 * look will read, brought into the buffers of the PostgreSQL the command has just started, on a connection of their
 * own while the command's other beans are made (one core of the two did that alone, bench/README.md, sweep23). Depends
 * on nothing but the database, so that it can begin before the rest of the sweep is ready.
 */
@Service
public class SweepReadAhead {

    private final SweepRepository sweeps;

    SweepReadAhead(SweepRepository sweeps) {
        this.sweeps = sweeps;
    }

    /**
     * Reads the first {@code records} records due at the instant, in the order a sweep claims them, and their people's
     * index entries, as the sweep's batches and its look will; changes nothing and locks nothing. Answers how many
     * people it read.
     */
    public int read(Instant now, int records) {
        return sweeps.readDue(now, records);
    }
}
