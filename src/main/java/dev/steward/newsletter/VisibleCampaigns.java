package dev.steward.newsletter;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The campaigns the caller may see: those of their sites. Another site's campaign is answered as if it did not exist,
 * so a member scoped to one site cannot even learn that it does.
 */
@Component
class VisibleCampaigns {

    static final int LIMIT = 200;

    private final CampaignRepository campaigns;
    private final CampaignLists lists;
    private final Catalogs catalogs;
    private final CurrentCaller caller;

    VisibleCampaigns(CampaignRepository campaigns, CampaignLists lists, Catalogs catalogs, CurrentCaller caller) {
        this.campaigns = campaigns;
        this.lists = lists;
        this.catalogs = catalogs;
        this.caller = caller;
    }

    Campaign get(UUID id) {
        Caller staff = caller.get();
        return campaigns
                .find(id)
                .filter(campaign -> staff.maySee(campaign.site()))
                .orElseThrow(() -> new NotFoundException("There is no campaign " + id + "."));
    }

    List<Campaign> list(@Nullable String site) {
        Caller staff = site == null ? caller.get() : caller.requireSite(site);
        return campaigns.list(staff.sites(), site, LIMIT);
    }

    /** The lists and operational audiences of the caller's sites, or of the one site named. */
    List<MailingList> lists(@Nullable String site) {
        Caller staff = site == null ? caller.get() : caller.requireSite(site);
        List<String> sites = site == null
                ? catalogs.sites().stream().map(Site::key).filter(staff::maySee).toList()
                : List.of(catalogs.requireSite(site).key());
        return sites.stream().flatMap(key -> lists.of(key).stream()).toList();
    }

    /** The caller's name for the campaign's record of who composed it; throws for another site. */
    String requireSite(String site) {
        return caller.requireSite(site).name();
    }
}
