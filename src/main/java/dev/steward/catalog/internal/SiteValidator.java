package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Regime;
import dev.steward.catalog.Site;
import dev.steward.catalog.Span;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a site: the jurisdictions it serves lead each country to one notice, its controller can be named
 * where the GDPR asks for it, and its time zone, addresses, mail identity and change-notice period are usable.
 */
final class SiteValidator {

    private final Catalog catalog;
    private final CatalogChecks checks;

    SiteValidator(Catalog catalog, CatalogChecks checks) {
        this.catalog = catalog;
        this.checks = checks;
    }

    void check(Site site) {
        String name = "site '" + site.key() + "'";
        if (site.controller() != null) {
            checkController(site, name);
        }
        for (int i = 0; i < site.jurisdictions().size(); i++) {
            String jurisdiction = site.jurisdictions().get(i);
            if (catalog.jurisdiction(jurisdiction).isEmpty()) {
                checks.report(
                        site, "jurisdictions[" + i + "]", name + " names unknown jurisdiction '" + jurisdiction + "'");
            }
        }
        if (site.defaultJurisdiction() != null && !site.jurisdictions().contains(site.defaultJurisdiction())) {
            checks.report(
                    site,
                    "defaultJurisdiction",
                    name + ": default jurisdiction '" + site.defaultJurisdiction()
                            + "' is not one of the jurisdictions it serves " + site.jurisdictions());
        }
        if (site.otherCountries() != null && !site.jurisdictions().contains(site.otherCountries())) {
            checks.report(
                    site,
                    "otherCountries",
                    name + ": the jurisdiction for other countries '" + site.otherCountries()
                            + "' is not one of the jurisdictions it serves " + site.jurisdictions());
        }
        checkCountriesServedOnce(site, name);
        checks.checkTimeZone(site, site.timeZone(), name);
        if (site.baseUrl() != null) {
            checks.checkUrl(site, "baseUrl", site.baseUrl(), false);
        }
        if (site.hostedBy() != null && catalog.recipient(site.hostedBy()).isEmpty()) {
            checks.report(site, "hostedBy", name + " is hosted by unknown recipient '" + site.hostedBy() + "'");
        }
        for (int i = 0; i < site.storageLocations().size(); i++) {
            checks.checkCountry(
                    site, "storageLocations[" + i + "]", site.storageLocations().get(i));
        }
        new SiteMailCheck(catalog, checks::report).check(site);
        checkChangeNoticePeriod(site, name);
    }

    /** The announcement of a material change must be shown for some time: a period of none would hide it. */
    private void checkChangeNoticePeriod(Site site, String name) {
        Site.Notice notice = site.notice();
        if (notice == null || notice.changeNoticePeriod() == null) {
            return;
        }
        Span period = notice.changeNoticePeriod();
        if (period.isZero() || period.period().isNegative() || period.time().isNegative()) {
            checks.report(
                    notice,
                    "changeNoticePeriod",
                    name + ": notice.changeNoticePeriod must be a positive length of time such as P6M, found '" + period
                            + "'");
        }
    }

    /** A visitor's country must lead to one notice: no two jurisdictions of a site may list the same country. */
    private void checkCountriesServedOnce(Site site, String name) {
        Map<String, String> listedBy = new HashMap<>();
        for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
            for (String country : jurisdiction.countries()) {
                String first = listedBy.putIfAbsent(country.toUpperCase(Locale.ROOT), jurisdiction.key());
                if (first != null) {
                    checks.report(
                            jurisdiction,
                            "countries",
                            name + " serves " + country + " by two jurisdictions, '" + first + "' and '"
                                    + jurisdiction.key() + "': list it in one of them");
                }
            }
        }
    }

    private void checkController(Site site, String name) {
        Optional<Controller> controller = catalog.controller(site.controller());
        if (controller.isEmpty()) {
            checks.report(site, "controller", name + " names unknown controller '" + site.controller() + "'");
        } else if (controller.get().address() == null && servesGdpr(site)) {
            checks.report(
                    controller.get(),
                    "key",
                    "controller '" + site.controller() + "' needs an address: site '" + site.key()
                            + "' serves a GDPR jurisdiction, whose notice must state it (Art. 13(1)(a) GDPR)");
        }
    }

    private boolean servesGdpr(Site site) {
        return catalog.jurisdictionsOf(site).stream().anyMatch(j -> j.regime() == Regime.GDPR);
    }
}
