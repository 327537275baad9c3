package dev.steward.bench;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Progress;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench subscribers --subjects N}: N made-up people who sign up on a newsletter activity (by default Olympus's)
 * and give and confirm its double opt-in consents, written as {@link Seeder} writes everyone: what a campaign to the
 * list reads.
 */
@Command(name = "subscribers", description = "Add N made-up confirmed subscribers of a newsletter, showing progress.")
class SubscribersCommand extends CliCommand {

    @Option(names = "--subjects", paramLabel = "N", required = true)
    private long count;

    @Option(names = "--site", defaultValue = "olympus-ims", description = "default: ${DEFAULT-VALUE}")
    private String site;

    @Option(
            names = "--activity",
            defaultValue = "newsletter",
            description = "the activity they sign up on (default: ${DEFAULT-VALUE})")
    private String activity;

    private final ObjectProvider<Seeder> seeder;

    SubscribersCommand(ObjectProvider<Seeder> seeder) {
        this.seeder = seeder;
    }

    @Override
    public Integer call() {
        Counts.atLeastZero(spec(), "--subjects", count);
        Seeder seeding = seeder.getObject();
        double seconds;
        try (Progress progress = progress("bench subscribers", count, "subjects")) {
            SyntheticPeople people = seeding.people().onlyOn(site, activity);
            seeding.seed(people, count, people.eventsToConfirm(), Seeder.BULK_LOAD_FROM, progress::advance);
            seconds = progress.seconds();
        } catch (NotFoundException e) {
            err().println(e.getMessage() + Seeder.START_FIRST);
            return CommandLine.PROBLEMS_FOUND;
        } catch (IllegalArgumentException e) {
            throw usageError(e.getMessage());
        }
        out().println(String.format(
                Locale.ROOT, "Seeded %d subscribers of %s/%s in %.1f s", count, site, activity, seconds));
        return CommandLine.OK;
    }
}
