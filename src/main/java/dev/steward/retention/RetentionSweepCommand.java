package dev.steward.retention;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.EventListenerBeans;
import dev.steward.platform.Progress;
import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectsErased;
import dev.steward.vault.SweepReadAhead;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/** {@code retention sweep}: erases everything due now, batch by batch, showing progress, and prints the certificate. */
@Command(
        name = "sweep",
        description = "Erase every record due now, showing progress, and print the deletion certificate.")
class RetentionSweepCommand extends CliCommand {

    /** Batches' worth of due records the command reads ahead while it starts: a bound on the buffers it fills. */
    static final int BATCHES_READ_AHEAD = 10;

    private static final Logger log = LoggerFactory.getLogger(RetentionSweepCommand.class);

    /** Asked for only once the arguments are known good, so a usage error starts no database. */
    private final ObjectProvider<Sweeper> sweepers;

    private final ObjectProvider<EventListenerBeans> listeners;
    private final ObjectProvider<SweepReadAhead> readAheads;
    private final ObjectProvider<RetentionSettings> settings;
    private final ObjectProvider<Clock> clocks;

    RetentionSweepCommand(
            ObjectProvider<Sweeper> sweepers,
            ObjectProvider<EventListenerBeans> listeners,
            ObjectProvider<SweepReadAhead> readAheads,
            ObjectProvider<RetentionSettings> settings,
            ObjectProvider<Clock> clocks) {
        this.sweepers = sweepers;
        this.listeners = listeners;
        this.readAheads = readAheads;
        this.settings = settings;
        this.clocks = clocks;
    }

    @Override
    public Integer call() {
        // the database starts here; its first reads of the pages the sweep needs go on while the rest is made
        Thread reader = readAhead();
        Sweeper sweeper = sweepers.getObject();
        // the modules' listeners of the sweep's events, made now rather than by the first batch that erases (inside
        // its transaction, holding its rows and the chain head, while the other worker waits for Spring's lock)
        listeners.getObject().prepare(RecordsErased.class, SubjectsErased.class);
        out().println("Sweeping records due now, in batches of " + sweeper.batchSize() + " ...");
        Sweeper.Outcome outcome;
        try (Progress bar = progress("retention sweep", -1, "records")) {
            outcome = sweeper.sweep("command", progress -> bar.stepTo(progress.erased()));
        }
        joinQuietly(reader);
        out().println(outcome.progress().describe());
        outcome.certificate()
                .ifPresentOrElse(
                        certificate -> out().println("Deletion certificate " + certificate.id() + ": "
                                + certificate.recordsErased() + " records erased, chain row " + certificate.seq()
                                + ", hash " + certificate.hash()),
                        () -> out().println("Nothing was due: no certificate issued."));
        return CommandLine.OK;
    }

    /**
     * Starts reading ahead, on a thread of its own, what the sweep's first batches and its look will read; the sweep
     * does not wait for it, and a read ahead that fails leaves the sweep to read for itself.
     */
    private Thread readAhead() {
        SweepReadAhead ahead = readAheads.getObject();
        int records = BATCHES_READ_AHEAD * settings.getObject().batchSize();
        Clock clock = clocks.getObject();
        Thread reader = new Thread(
                () -> {
                    try {
                        long started = System.nanoTime();
                        int people = ahead.read(clock.instant(), records);
                        log.debug(
                                "Read ahead {} people's pages in {} ms",
                                people,
                                (System.nanoTime() - started) / 1_000_000);
                    } catch (RuntimeException e) {
                        // the message may carry the statement's values
                        log.warn(
                                "The sweep's read ahead stopped ({})",
                                e.getClass().getSimpleName());
                    }
                },
                "retention-read-ahead");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Nothing of the command outlives it; the reader is done long before the sweep in every run measured. */
    private static void joinQuietly(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
