package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Progress;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench seed --subjects N --events-per-subject M}: see {@link Seeder}. */
@Command(name = "seed", description = "Fill the database with N made-up people, showing progress.")
class SeedCommand extends CliCommand {

    @Option(names = "--subjects", paramLabel = "N", required = true)
    private long count;

    @Option(
            names = "--events-per-subject",
            paramLabel = "M",
            defaultValue = "2",
            description = "consent events per person (default: ${DEFAULT-VALUE})")
    private int events;

    @Option(
            names = "--bulk-load-from",
            paramLabel = "N",
            defaultValue = "" + Seeder.BULK_LOAD_FROM,
            description = "from how many new people on the indexes and foreign keys of the tables filled are dropped"
                    + " for the load and built again after it (default: ${DEFAULT-VALUE})")
    private long bulkLoadFrom;

    private final ObjectProvider<Seeder> seeder;

    SeedCommand(ObjectProvider<Seeder> seeder) {
        this.seeder = seeder;
    }

    @Override
    public Integer call() {
        Counts.atLeastZero(spec(), "--subjects", count);
        Counts.atLeastZero(spec(), "--events-per-subject", events);
        Counts.atLeastZero(spec(), "--bulk-load-from", bulkLoadFrom);
        long first;
        double seconds;
        try (Progress progress = progress("bench seed", count, "subjects")) {
            Seeder seeding = seeder.getObject();
            first = seeding.seed(seeding.people(), count, events, bulkLoadFrom, progress::advance);
            seconds = progress.seconds();
        } catch (NotFoundException e) {
            err().println(e.getMessage() + Seeder.START_FIRST);
            return CommandLine.PROBLEMS_FOUND;
        }
        out().println(String.format(
                Locale.ROOT,
                "Seeded %d subjects (now %d) with %d consent events each in %.1f s",
                count,
                first + count,
                events,
                seconds));
        return CommandLine.OK;
    }
}
