package dev.steward.newsletter;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code campaign list} and {@code campaign status ID [--watch]}: the campaigns and one campaign's progress and
 * figures, as the console shows them; {@code --watch} prints the progress every two seconds until the campaign is no
 * longer on its way. With an external database it runs beside the servers that send.
 */
@Command(
        name = "campaign",
        usage = "campaign list | campaign status ID [--watch]   campaigns, and one campaign's progress and figures")
class CampaignCommand implements CliCommand {

    private static final String USAGE = "Usage: java -jar steward.jar campaign list | campaign status ID [--watch]";

    /** Asked for only once the arguments are known good, so a usage error starts no database. */
    private final ObjectProvider<CampaignRepository> campaigns;

    private final ObjectProvider<CampaignFigures> figures;

    CampaignCommand(ObjectProvider<CampaignRepository> campaigns, ObjectProvider<CampaignFigures> figures) {
        this.campaigns = campaigns;
        this.figures = figures;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.equals(List.of("list"))) {
            campaigns
                    .getObject()
                    .list(List.of(), null, VisibleCampaigns.LIMIT)
                    .forEach(campaign -> out.println(campaign.id() + "  " + campaign.site() + "  "
                            + campaign.status().words() + "  " + campaign.subjectLine()));
            return 0;
        }
        boolean watch = arguments.size() == 3 && arguments.get(2).equals("--watch");
        if (arguments.size() < 2
                || !arguments.get(0).equals("status")
                || (arguments.size() == 3 && !watch)
                || arguments.size() > 3) {
            err.println(USAGE);
            return 2;
        }
        Optional<UUID> id = id(arguments.get(1));
        Optional<Campaign> campaign = id.flatMap(found -> campaigns.getObject().find(found));
        if (campaign.isEmpty()) {
            err.println("There is no campaign '" + arguments.get(1) + "'.");
            return 1;
        }
        CampaignFigures.Figures shown = figures.getObject().of(campaign.get());
        out.println(shown.subjectLine() + " (" + shown.site() + ", " + shown.listName() + ")");
        out.println(line(shown));
        while (watch && underWay(shown)) {
            pause();
            shown = figures.getObject().of(campaigns.getObject().find(id.get()).orElseThrow());
            out.println(line(shown));
        }
        out.println(String.format(
                Locale.ROOT,
                "sent %d, failed %d, bounced %d, skipped %d, opened %d, clicked %d, unsubscribed %d",
                shown.sent(),
                shown.failed(),
                shown.bounced(),
                shown.skipped(),
                shown.opened(),
                shown.clicked(),
                shown.unsubscribed()));
        shown.skippedBecause().forEach((reason, count) -> out.println("  skipped, " + reason + ": " + count));
        return 0;
    }

    private static String line(CampaignFigures.Figures shown) {
        return String.format(
                Locale.ROOT,
                "%s: %,d of %,d done (%d%%), %,d waiting, %,d held",
                shown.statusWords(),
                shown.sent() + shown.failed() + shown.skipped() + shown.cancelled(),
                shown.recipients(),
                shown.percentDone(),
                shown.queued(),
                shown.held());
    }

    private static boolean underWay(CampaignFigures.Figures shown) {
        return shown.status().equals("sending") || shown.status().equals("scheduled");
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
