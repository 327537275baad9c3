package dev.steward.retention;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** {@code retention sweep}: erases everything due now, batch by batch, showing progress, and prints the certificate. */
@Command(
        name = "retention sweep",
        usage = "retention sweep   erase every record due now and issue a deletion certificate")
class RetentionSweepCommand implements CliCommand {

    /** Asked for only once the arguments are known good, so a usage error starts no database. */
    private final ObjectProvider<Sweeper> sweepers;

    RetentionSweepCommand(ObjectProvider<Sweeper> sweepers) {
        this.sweepers = sweepers;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("Usage: java -jar steward.jar retention sweep");
            return 2;
        }
        Sweeper sweeper = sweepers.getObject();
        out.println("Sweeping records due now, in batches of " + sweeper.batchSize() + " ...");
        Sweeper.Outcome outcome = sweeper.sweep("command", progress -> out.println(progress.describe()));
        outcome.certificate()
                .ifPresentOrElse(
                        certificate -> out.println("Deletion certificate " + certificate.id() + ": "
                                + certificate.recordsErased() + " records erased, chain row " + certificate.seq()
                                + ", hash " + certificate.hash()),
                        () -> out.println("Nothing was due: no certificate issued."));
        return 0;
    }
}
