package dev.steward.retention;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.EventListenerBeans;
import dev.steward.platform.Progress;
import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectsErased;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/** {@code retention sweep}: erases everything due now, batch by batch, showing progress, and prints the certificate. */
@Command(
        name = "sweep",
        description = "Erase every record due now, showing progress, and print the deletion certificate.")
class RetentionSweepCommand extends CliCommand {

    /** Asked for only once the arguments are known good, so a usage error starts no database. */
    private final ObjectProvider<Sweeper> sweepers;

    private final ObjectProvider<EventListenerBeans> listeners;

    RetentionSweepCommand(ObjectProvider<Sweeper> sweepers, ObjectProvider<EventListenerBeans> listeners) {
        this.sweepers = sweepers;
        this.listeners = listeners;
    }

    @Override
    public Integer call() {
        Sweeper sweeper = sweepers.getObject();
        // the modules' listeners of the sweep's events, made now rather than by the first batch that erases (inside
        // its transaction, holding its rows and the chain head, while the other worker waits for Spring's lock)
        listeners.getObject().prepare(RecordsErased.class, SubjectsErased.class);
        out().println("Sweeping records due now, in batches of " + sweeper.batchSize() + " ...");
        Sweeper.Outcome outcome;
        try (Progress bar = progress("retention sweep", -1, "records")) {
            outcome = sweeper.sweep("command", progress -> bar.stepTo(progress.erased()));
        }
        out().println(outcome.progress().describe());
        outcome.certificate()
                .ifPresentOrElse(
                        certificate -> out().println("Deletion certificate " + certificate.id() + ": "
                                + certificate.recordsErased() + " records erased, chain row " + certificate.seq()
                                + ", hash " + certificate.hash()),
                        () -> out().println("Nothing was due: no certificate issued."));
        return CommandLine.OK;
    }
}
