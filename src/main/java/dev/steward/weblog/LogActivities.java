package dev.steward.weblog;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which activity of each site's catalog is its request log, and so which fields the log may collect there: the
 * site's {@code session-end} activity that collects the IP address. A site whose catalog declares none is not
 * logged at all, and a field the activity does not declare is never collected.
 */
@Component
class LogActivities {

    /** The log fields Steward knows how to collect, by their catalog keys. */
    static final Set<String> FIELDS = Set.of(
            "ipAddress",
            "browser",
            "device",
            "operatingSystem",
            "accessTime",
            "country",
            "cityOfAccess",
            "language",
            "referrer");

    private final Map<String, LogActivity> bySite = new LinkedHashMap<>();

    LogActivities(Catalogs catalogs) {
        for (Catalog catalog : catalogs.all()) {
            for (Site site : catalog.sites()) {
                find(catalog, site.key()).ifPresent(activity -> bySite.put(site.key(), activity));
            }
        }
    }

    /** A site's log activity: its key, its retention rule's key and the log fields it declares. */
    record LogActivity(String site, String activity, String retentionRule, Set<String> fields) {

        boolean collects(String field) {
            return fields.contains(field);
        }
    }

    Optional<LogActivity> of(String site) {
        return Optional.ofNullable(bySite.get(site));
    }

    Map<String, LogActivity> all() {
        return Map.copyOf(bySite);
    }

    private static Optional<LogActivity> find(Catalog catalog, String site) {
        return catalog.activitiesOf(site).stream()
                .filter(activity -> endsWithSession(catalog, activity) && activity.collects("ipAddress"))
                .findFirst()
                .map(activity -> new LogActivity(
                        site,
                        activity.key(),
                        activity.retention(),
                        activity.fields().stream()
                                .map(ProcessingActivity.CollectedField::field)
                                .filter(FIELDS::contains)
                                .collect(Collectors.toUnmodifiableSet())));
    }

    private static boolean endsWithSession(Catalog catalog, ProcessingActivity activity) {
        return activity.retention() != null
                && catalog.retentionRule(activity.retention())
                        .map(rule -> rule.rule().trigger() == RetentionRule.Trigger.SESSION_END)
                        .orElse(false);
    }
}
