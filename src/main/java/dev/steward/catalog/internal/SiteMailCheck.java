package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteMail;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks a site's {@code mail} section: addresses that are addresses, a tracking activity of the site that rests on
 * consent everywhere the site serves (evaluating how a person reads mail needs their consent), operational purposes
 * that are not direct marketing (operational mail reaches people whatever their marketing choices, so it must never
 * be marketing), and a postal address for every campaign's footer.
 */
final class SiteMailCheck {

    /** Reports a problem at a path of a bound element. */
    interface Reporter {
        void report(Object element, String path, String message);
    }

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final Catalog catalog;
    private final Reporter reporter;

    SiteMailCheck(Catalog catalog, Reporter reporter) {
        this.catalog = catalog;
        this.reporter = reporter;
    }

    void check(Site site) {
        SiteMail mail = site.mail();
        if (mail == null) {
            return;
        }
        String name = "site '" + site.key() + "'";
        if (mail.from() != null) {
            address(mail.from(), "address", mail.from().address(), name + ": the sender");
        }
        address(mail, "replyTo", mail.replyTo(), name + ": the Reply-To address");
        address(mail, "unsubscribeMailbox", mail.unsubscribeMailbox(), name + ": the unsubscribe mailbox");
        if (mail.tracking() != null) {
            checkTracking(site, mail, name);
        }
        for (int i = 0; i < mail.operational().size(); i++) {
            checkOperational(site, mail, i, name);
        }
        if (site.controller() != null
                && catalog.controller(site.controller()).isPresent()
                && catalog.postalAddressOf(site).isEmpty()) {
            reporter.report(
                    mail,
                    "postalAddress",
                    name + " sends campaigns but has no postal address for their footer: give mail.postalAddress or"
                            + " the controller's address");
        }
    }

    private void address(Object element, String path, @Nullable String value, String what) {
        if (value != null && !ADDRESS.matcher(value).matches()) {
            reporter.report(element, path, what + " '" + value + "' is not an e-mail address");
        }
    }

    private void checkTracking(Site site, SiteMail mail, String name) {
        Optional<ProcessingActivity> activity = activityOf(site, mail.tracking());
        if (activity.isEmpty()) {
            reporter.report(
                    mail, "tracking", name + " tracks newsletters under unknown activity '" + mail.tracking() + "'");
            return;
        }
        List<Purpose> purposes = catalog.purposesOf(activity.get());
        for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
            boolean onConsent = !purposes.isEmpty()
                    && purposes.stream().allMatch(purpose -> purpose.needsConsentIn(jurisdiction.key()));
            if (!onConsent || activity.get().consent() == null) {
                reporter.report(
                        mail,
                        "tracking",
                        name + ": the tracking activity '" + mail.tracking() + "' must rest on consent with its"
                                + " wording in every jurisdiction of the site (not in " + jurisdiction.key() + ")");
                return;
            }
        }
    }

    private void checkOperational(Site site, SiteMail mail, int index, String name) {
        String key = mail.operational().get(index);
        Optional<Purpose> purpose = catalog.purpose(key)
                .filter(found -> catalog.activitiesOf(site.key()).stream()
                        .anyMatch(activity -> activity.purposes().contains(found.key())));
        String path = "operational[" + index + "]";
        if (purpose.isEmpty()) {
            reporter.report(
                    mail,
                    path,
                    name + " sends operational mail for purpose '" + key + "', which no activity of the site declares");
        } else if (purpose.get().directMarketing()) {
            reporter.report(
                    mail,
                    path,
                    name + ": purpose '" + key
                            + "' is direct marketing and cannot be operational mail, which reaches people who declined"
                            + " marketing");
        }
    }

    private Optional<ProcessingActivity> activityOf(Site site, String key) {
        return catalog.activity(key)
                .filter(activity -> activity.site() == null || activity.site().equals(site.key()));
    }
}
