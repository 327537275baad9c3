package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.CatalogContent;
import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.Countries;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.DataCategory.Field;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.Regime;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.TextBlock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks what binding cannot: that every reference resolves, that keys are unique, and that the catalog does
 * not promise less than the law asks (consent wording where consent is the basis, a safeguard for every transfer
 * out of the EEA, a retention rule for every activity).
 *
 * <p>It also runs on a catalog whose binding found problems, so that one run lists them all. A value binding could
 * not read is then null and was reported already; elements without a key are skipped, and checks that need a
 * missing value are left out rather than reported twice.
 */
final class CatalogValidator {

    /** A DNS name in lower case, optionally with a port. */
    private static final Pattern HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");

    private final Catalog catalog;
    private final CatalogContent content;
    private final SourceMap sources;
    private final CatalogChecks checks;

    CatalogValidator(Catalog catalog, SourceMap sources, List<CatalogProblem> problems) {
        this.catalog = catalog;
        this.content = catalog.content();
        this.sources = sources;
        this.checks = new CatalogChecks(catalog, sources, problems);
    }

    void validate() {
        if (content.sites().isEmpty()) {
            // an empty file, or a folder of unrelated YAML, would otherwise pass the check a site's CI relies on
            checks.reportWhole("the catalog declares no site: a catalog needs a 'sites' section naming at least one");
        }
        checkUniqueKeys();
        CatalogChecks.keyed(content.sites(), Site::key).forEach(new SiteValidator(catalog, checks)::check);
        if (content.sites().size() > 1) {
            requireSiteOnElements();
        }
        CatalogChecks.keyed(content.jurisdictions(), Jurisdiction::key).forEach(this::checkJurisdiction);
        CatalogChecks.keyed(content.purposes(), Purpose::key).forEach(this::checkPurpose);
        content.dataCategories()
                .forEach(category ->
                        CatalogChecks.keyed(category.fields(), Field::key).forEach(this::checkField));
        CatalogChecks.keyed(content.recipients(), Recipient::key).forEach(this::checkRecipient);
        CatalogChecks.keyed(content.activities(), ProcessingActivity::key)
                .forEach(new ActivityValidator(catalog, checks)::check);
        new FormValidator(catalog, checks).validate();
        CatalogChecks.keyed(content.cookies(), Cookie::key).forEach(this::checkCookie);
        new CookieBannerValidator(catalog, sources, checks).validate();
        CatalogChecks.keyed(content.texts(), TextBlock::key).forEach(this::checkText);
        content.securityMeasures()
                .forEach(measure -> checks.checkSiteReference(measure, measure.site(), "security measure"));
    }

    private void checkUniqueKeys() {
        unique(content.controllers(), controller -> controller.key(), "controller");
        unique(content.jurisdictions(), Jurisdiction::key, "jurisdiction");
        unique(content.sites(), Site::key, "site");
        unique(content.purposes(), Purpose::key, "purpose");
        unique(content.dataCategories(), DataCategory::key, "data category");
        unique(
                content.dataCategories().stream()
                        .flatMap(c -> c.fields().stream())
                        .toList(),
                Field::key,
                "field");
        unique(content.recipients(), Recipient::key, "recipient");
        unique(content.retentionRules(), rule -> rule.key(), "retention rule");
        unique(content.activities(), ProcessingActivity::key, "activity");
        unique(content.forms(), form -> perSite(form.site(), form.key()), "form");
        unique(content.cookies(), cookie -> perSite(cookie.site(), cookie.key()), "cookie");
        unique(content.securityMeasures(), measure -> measure.key(), "security measure");
        unique(content.texts(), TextBlock::key, "text block");
    }

    /** Forms and cookies are unique per site: two sites may each have a form 'contact'. */
    private static @Nullable String perSite(@Nullable String site, @Nullable String key) {
        return key == null ? null : site == null ? key : site + "/" + key;
    }

    private <T> void unique(List<T> elements, Function<T, @Nullable String> key, String kind) {
        Map<String, T> seen = new HashMap<>();
        for (T element : CatalogChecks.keyed(elements, key)) {
            T first = seen.putIfAbsent(key.apply(element), element);
            if (first != null) {
                checks.report(
                        element,
                        "key",
                        "duplicate " + kind + " '" + key.apply(element) + "' (first declared at "
                                + sources.at(first, "key") + ")");
            }
        }
    }

    private void requireSiteOnElements() {
        content.activities().stream()
                .filter(a -> a.site() == null)
                .forEach(activity -> checks.report(
                        activity,
                        "key",
                        "activity '" + activity.key() + "' must name its site: this catalog declares several sites"));
        content.forms().stream()
                .filter(f -> f.site() == null)
                .forEach(form -> checks.report(
                        form,
                        "key",
                        "form '" + form.key() + "' must name its site: this catalog declares several sites"));
    }

    private void checkJurisdiction(Jurisdiction jurisdiction) {
        for (int i = 0; i < jurisdiction.countries().size(); i++) {
            checks.checkCountry(
                    jurisdiction,
                    "countries[" + i + "]",
                    jurisdiction.countries().get(i));
        }
        checks.checkTimeZone(jurisdiction, jurisdiction.timeZone(), "jurisdiction '" + jurisdiction.key() + "'");
        if (jurisdiction.grants(RightType.COMPLAINT) && jurisdiction.supervisoryAuthority() == null) {
            checks.report(
                    jurisdiction,
                    "rights",
                    "jurisdiction '" + jurisdiction.key()
                            + "' grants the right to complain but names no supervisoryAuthority");
        }
        if (jurisdiction.grants(RightType.AUTOMATED_DECISIONS) && jurisdiction.automatedDecisions() == null) {
            checks.report(
                    jurisdiction,
                    "rights",
                    "jurisdiction '" + jurisdiction.key()
                            + "' grants the right about automated decisions but has no automatedDecisions statement");
        }
    }

    private void checkPurpose(Purpose purpose) {
        purpose.legalBasis().forEach((jurisdictionKey, bases) -> {
            Optional<Jurisdiction> jurisdiction = catalog.jurisdiction(jurisdictionKey);
            if (jurisdiction.isEmpty()) {
                checks.report(
                        purpose,
                        "legalBasis." + jurisdictionKey,
                        "purpose '" + purpose.key() + "' gives a legal basis for unknown jurisdiction '"
                                + jurisdictionKey + "'");
                return;
            }
            Regime regime = jurisdiction.get().regime();
            for (int i = 0; i < bases.size(); i++) {
                LegalBasis basis = bases.get(i);
                if (regime != null && basis.regime() != regime) {
                    checks.report(
                            purpose,
                            "legalBasis." + jurisdictionKey + "[" + i + "]",
                            "legal basis '" + basis.key()
                                    + "' belongs to " + basis.regime() + ", but jurisdiction '" + jurisdictionKey
                                    + "' applies " + regime + "; use one of: " + basesOf(regime));
                }
            }
        });
    }

    private static String basesOf(Regime regime) {
        return Arrays.stream(LegalBasis.values())
                .filter(basis -> basis.regime() == regime)
                .map(LegalBasis::key)
                .collect(Collectors.joining(", "));
    }

    private void checkField(Field field) {
        String name = "field '" + field.key() + "'";
        if (field.type() == FieldType.CHOICE && field.options().isEmpty()) {
            checks.report(field, "options", name + " is a choice but offers no options");
        }
        if (field.type() != null
                && field.type() != FieldType.CHOICE
                && !field.options().isEmpty()) {
            checks.report(field, "options", name + " offers options but its type is " + Words.kebab(field.type()));
        }
        checkMatching(field, name);
        if (field.maxLength() != null && field.maxLength() < 1) {
            checks.report(field, "maxLength", name + ": maxLength must be at least 1");
        }
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                checks.report(
                        field, "pattern", name + ": pattern is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** Only an identifier links subjects, and only one whose owner Steward can prove: an e-mail address. */
    private void checkMatching(Field field, String name) {
        if (field.matchesSubject() == null) {
            return;
        }
        if (!field.identifier()) {
            checks.report(
                    field,
                    "matchesSubject",
                    name + " sets matchesSubject but is not an identifier: add 'identifier: true'");
        } else if (field.matchesSubject() == DataCategory.SubjectMatching.VERIFIED_ONLY
                && field.type() != FieldType.EMAIL) {
            checks.report(
                    field,
                    "matchesSubject",
                    name + " is a " + Words.kebab(field.type()) + ", which Steward cannot prove belongs to someone"
                            + (field.type() == FieldType.USERNAME
                                    ? " (signing in proves who knows the account's password, not who typed the name"
                                            + " into another form)"
                                    : "")
                            + ": only an e-mail address (by a link) can link a person's submissions;"
                            + " use 'matchesSubject: never'");
        }
    }

    private void checkRecipient(Recipient recipient) {
        if (recipient.webhook() != null && recipient.webhook().url() != null) {
            checks.checkUrl(recipient, "webhook.url", recipient.webhook().url(), true);
        }
        if (recipient.country() == null) {
            return;
        }
        checks.checkCountry(recipient, "country", recipient.country());
        boolean servesEu = content.jurisdictions().stream().anyMatch(j -> j.regime() == Regime.GDPR);
        if (servesEu
                && Countries.isKnown(recipient.country())
                && !recipient.isInEea()
                && recipient.safeguard() == null) {
            checks.report(
                    recipient,
                    "country",
                    "transfer to recipient '" + recipient.key() + "' in "
                            + recipient.country().toUpperCase() + " leaves the EEA but names no safeguard: add"
                            + " 'safeguard' with one of adequacy-decision, standard-contractual-clauses,"
                            + " binding-corporate-rules or explicit-consent");
        }
    }

    private void checkCookie(Cookie cookie) {
        checks.checkSiteReference(cookie, cookie.site(), "cookie");
        if (cookie.optOutUrl() != null) {
            checks.checkUrl(cookie, "optOutUrl", cookie.optOutUrl(), false);
        }
        for (int i = 0; i < cookie.hosts().size(); i++) {
            if (!HOST.matcher(cookie.hosts().get(i)).matches()) {
                checks.report(
                        cookie,
                        "hosts[" + i + "]",
                        "'" + cookie.hosts().get(i) + "' is not a host name such as ads.example.com (lower case,"
                                + " no scheme or path; host:port for one port only)");
            }
        }
    }

    private void checkText(TextBlock text) {
        checks.checkSiteReference(text, text.site(), "text block");
        for (int i = 0; i < text.regions().size(); i++) {
            if (catalog.jurisdiction(text.regions().get(i)).isEmpty()) {
                checks.report(
                        text,
                        "regions[" + i + "]",
                        "text block '" + text.key() + "' names unknown jurisdiction '"
                                + text.regions().get(i) + "'");
            }
        }
    }
}
