package dev.steward.newsletter;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.Progress;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code campaign status ID [--watch]}: one campaign's progress and figures, as the console shows them; with
 * {@code --watch}, a progress bar until the campaign is no longer on its way. With an external database it runs
 * beside the servers that send.
 */
@Command(name = "status", description = "Show a campaign's progress and figures; --watch follows it until it is done.")
class CampaignStatusCommand extends CliCommand {

    private static final long WATCH_MILLIS = 2_000;

    @Parameters(paramLabel = "ID", description = "the campaign's id, as campaign list shows it")
    private UUID id;

    @Option(names = "--watch", description = "show a progress bar until the campaign is sent, paused or cancelled")
    private boolean watch;

    private final ObjectProvider<CampaignRepository> campaigns;
    private final ObjectProvider<CampaignFigures> figures;
    private final ObjectProvider<CampaignWords> words;

    CampaignStatusCommand(
            ObjectProvider<CampaignRepository> campaigns,
            ObjectProvider<CampaignFigures> figures,
            ObjectProvider<CampaignWords> words) {
        this.campaigns = campaigns;
        this.figures = figures;
        this.words = words;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<CampaignFigures.Figures> found = current();
        if (found.isEmpty()) {
            err().println("There is no campaign " + id + ".");
            return CommandLine.PROBLEMS_FOUND;
        }
        CampaignFigures.Figures shown = found.get();
        out().println(shown.subjectLine() + " (" + shown.site() + ", " + shown.listName() + ")");
        if (watch && underWay(shown)) {
            try (Progress bar = progress("campaign", shown.recipients(), "messages")) {
                while (underWay(shown)) {
                    bar.stepTo(done(shown));
                    Thread.sleep(WATCH_MILLIS);
                    shown = current().orElseThrow();
                }
                bar.stepTo(done(shown));
            }
        }
        out().println(String.format(
                Locale.ROOT,
                "%s: %,d of %,d done (%d%%), %,d waiting, %,d held",
                shown.statusWords(),
                done(shown),
                shown.recipients(),
                shown.percentDone(),
                shown.queued(),
                shown.held()));
        out().println(String.format(
                Locale.ROOT,
                "sent %d, failed %d, bounced %d, skipped %d, opened %d, clicked %d, unsubscribed %d",
                shown.sent(),
                shown.failed(),
                shown.bounced(),
                shown.skipped(),
                shown.opened(),
                shown.clicked(),
                shown.unsubscribed()));
        shown.skippedBecause()
                .forEach((reason, count) ->
                        out().println("  skipped, " + words.getObject().reason(reason) + ": " + count));
        return CommandLine.OK;
    }

    private Optional<CampaignFigures.Figures> current() {
        return campaigns.getObject().find(id).map(figures.getObject()::of);
    }

    private static long done(CampaignFigures.Figures shown) {
        return shown.sent() + shown.failed() + shown.skipped() + shown.cancelled();
    }

    private static boolean underWay(CampaignFigures.Figures shown) {
        return shown.status().equals("sending") || shown.status().equals("scheduled");
    }
}
