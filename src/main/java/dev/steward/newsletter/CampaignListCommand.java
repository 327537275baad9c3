package dev.steward.newsletter;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;

/** {@code campaign list}: the latest campaigns of every site, newest first. */
@Command(name = "list", description = "List the latest campaigns of every site: id, site, status, subject line.")
class CampaignListCommand extends CliCommand {

    private final ObjectProvider<CampaignRepository> campaigns;

    CampaignListCommand(ObjectProvider<CampaignRepository> campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public Integer call() {
        campaigns
                .getObject()
                .list(List.of(), null, VisibleCampaigns.LIMIT)
                .forEach(campaign -> out().println(campaign.id() + "  " + campaign.site() + "  "
                        + campaign.status().words() + "  " + campaign.subjectLine()));
        return CommandLine.OK;
    }
}
