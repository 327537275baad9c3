package dev.steward.newsletter;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.mail.MailKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The lists and operational audiences of each site, and its tracking purposes, as the catalog declares them. */
@Component
class CampaignLists {

    private final Catalogs catalogs;

    CampaignLists(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** Marketing lists first, then operational audiences; none for a site without a mail section. */
    List<MailingList> of(String site) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        if (declared.mail() == null) {
            return List.of();
        }
        List<ProcessingActivity> activities = catalog.activitiesOf(site);
        List<MailingList> lists = new ArrayList<>();
        activities.stream()
                .flatMap(activity -> catalog.purposesOf(activity).stream())
                .distinct()
                .filter(purpose -> purpose.directMarketing() && purpose.doubleOptIn())
                .forEach(purpose -> lists.add(list(site, purpose, MailKind.MARKETING, activities)));
        declared.mail().operational().stream()
                .flatMap(key -> catalog.purpose(key).stream())
                .forEach(purpose -> lists.add(list(site, purpose, MailKind.OPERATIONAL, activities)));
        return lists;
    }

    Optional<MailingList> find(String site, String purpose) {
        return of(site).stream().filter(list -> list.purpose().equals(purpose)).findFirst();
    }

    /**
     * The purposes whose consent covers evaluating how this site's newsletters are read: those of the activity its
     * mail section declares for tracking. None: the site's mail is never tracked.
     */
    List<String> trackingPurposes(String site) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        if (declared.mail() == null || declared.mail().tracking() == null) {
            return List.of();
        }
        return catalog.activity(declared.mail().tracking())
                .map(ProcessingActivity::purposes)
                .orElse(List.of());
    }

    private static MailingList list(String site, Purpose purpose, MailKind kind, List<ProcessingActivity> activities) {
        return new MailingList(
                site,
                purpose.key(),
                purpose.name().toString(),
                kind,
                activities.stream()
                        .filter(activity -> activity.purposes().contains(purpose.key()))
                        .map(ProcessingActivity::key)
                        .toList());
    }
}
