package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import java.util.List;

/**
 * Checks a processing activity: its purposes, fields, recipients and retention rule exist, and every purpose
 * has a legal basis in each jurisdiction its site serves, with consent wording where that basis is consent.
 */
final class ActivityValidator {

    private final Catalog catalog;
    private final CatalogChecks checks;

    ActivityValidator(Catalog catalog, CatalogChecks checks) {
        this.catalog = catalog;
        this.checks = checks;
    }

    void check(ProcessingActivity activity) {
        String name = "activity '" + activity.key() + "'";
        Site site = checks.checkSiteReference(activity, activity.site(), "activity");
        for (int i = 0; i < activity.purposes().size(); i++) {
            String purpose = activity.purposes().get(i);
            if (catalog.purpose(purpose).isEmpty()) {
                checks.report(activity, "purposes[" + i + "]", name + " names unknown purpose '" + purpose + "'");
            }
        }
        if (activity.purposes().isEmpty()) {
            checks.report(activity, "purposes", name + " names no purpose");
        }
        for (int i = 0; i < activity.fields().size(); i++) {
            String field = activity.fields().get(i).field();
            if (field != null && catalog.field(field).isEmpty()) {
                checks.report(activity, "fields[" + i + "]", name + " names undeclared field '" + field + "'");
            }
        }
        for (int i = 0; i < activity.recipients().size(); i++) {
            String recipient = activity.recipients().get(i);
            if (catalog.recipient(recipient).isEmpty()) {
                checks.report(activity, "recipients[" + i + "]", name + " names unknown recipient '" + recipient + "'");
            }
        }
        checkRetention(activity, name);
        for (Site served : site != null ? List.of(site) : catalog.content().sites()) {
            checkBases(activity, served);
        }
    }

    private void checkRetention(ProcessingActivity activity, String name) {
        if (activity.retention() == null) {
            checks.report(
                    activity,
                    "key",
                    name + " has no retention rule: add 'retention' with the key of one of the retentionRules,"
                            + " to say how long its data is kept");
        } else if (catalog.retentionRule(activity.retention()).isEmpty()) {
            checks.report(activity, "retention", name + " names unknown retention rule '" + activity.retention() + "'");
        }
    }

    private void checkBases(ProcessingActivity activity, Site site) {
        for (Purpose purpose : catalog.purposesOf(activity)) {
            for (String jurisdiction : site.jurisdictions()) {
                if (catalog.jurisdiction(jurisdiction).isEmpty()) {
                    continue;
                }
                if (purpose.basesIn(jurisdiction).isEmpty()) {
                    checks.report(
                            activity,
                            "purposes[" + activity.purposes().indexOf(purpose.key()) + "]",
                            "purpose '"
                                    + purpose.key() + "' of activity '" + activity.key()
                                    + "' has no legal basis for jurisdiction '"
                                    + jurisdiction + "', which site '" + site.key() + "' serves");
                } else if (purpose.needsConsentIn(jurisdiction) && activity.consent() == null) {
                    checks.report(
                            activity,
                            "key",
                            "activity '" + activity.key() + "' rests on consent (purpose '"
                                    + purpose.key() + "', "
                                    + purpose.basesIn(jurisdiction).get(0).key()
                                    + ") but has no consent wording: add consent.text and consent.withdrawal");
                    return;
                }
            }
        }
    }
}
