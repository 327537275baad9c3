package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.CatalogContent;
import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.Countries;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.DataCategory.Field;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.Form;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.Regime;
import dev.steward.catalog.RightType;
import dev.steward.catalog.Site;
import dev.steward.catalog.TextBlock;
import dev.steward.platform.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
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
    private final List<CatalogProblem> problems;

    CatalogValidator(Catalog catalog, SourceMap sources, List<CatalogProblem> problems) {
        this.catalog = catalog;
        this.content = catalog.content();
        this.sources = sources;
        this.problems = problems;
    }

    void validate() {
        checkUniqueKeys();
        keyed(content.sites(), Site::key).forEach(this::checkSite);
        if (content.sites().size() > 1) {
            requireSiteOnElements();
        }
        keyed(content.jurisdictions(), Jurisdiction::key).forEach(this::checkJurisdiction);
        keyed(content.purposes(), Purpose::key).forEach(this::checkPurpose);
        content.dataCategories()
                .forEach(category -> keyed(category.fields(), Field::key).forEach(this::checkField));
        keyed(content.recipients(), Recipient::key).forEach(this::checkRecipient);
        keyed(content.activities(), ProcessingActivity::key).forEach(this::checkActivity);
        keyed(content.forms(), Form::key).forEach(this::checkForm);
        keyed(content.cookies(), Cookie::key).forEach(this::checkCookie);
        new CookieBannerValidator(catalog, sources, problems).validate();
        keyed(content.texts(), TextBlock::key).forEach(this::checkText);
        content.securityMeasures().forEach(measure -> checkSiteReference(measure, measure.site(), "security measure"));
    }

    private static <T> List<T> keyed(List<T> elements, Function<T, String> key) {
        return elements.stream().filter(element -> key.apply(element) != null).toList();
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
        for (T element : keyed(elements, key)) {
            T first = seen.putIfAbsent(key.apply(element), element);
            if (first != null) {
                report(
                        element,
                        "key",
                        "duplicate " + kind + " '" + key.apply(element) + "' (first declared at "
                                + sources.at(first, "key") + ")");
            }
        }
    }

    private void checkSite(Site site) {
        String name = "site '" + site.key() + "'";
        if (site.controller() != null) {
            checkController(site, name);
        }
        for (int i = 0; i < site.jurisdictions().size(); i++) {
            String jurisdiction = site.jurisdictions().get(i);
            if (catalog.jurisdiction(jurisdiction).isEmpty()) {
                report(site, "jurisdictions[" + i + "]", name + " names unknown jurisdiction '" + jurisdiction + "'");
            }
        }
        if (site.defaultJurisdiction() != null && !site.jurisdictions().contains(site.defaultJurisdiction())) {
            report(
                    site,
                    "defaultJurisdiction",
                    name + ": default jurisdiction '" + site.defaultJurisdiction()
                            + "' is not one of the jurisdictions it serves " + site.jurisdictions());
        }
        if (site.otherCountries() != null && !site.jurisdictions().contains(site.otherCountries())) {
            report(
                    site,
                    "otherCountries",
                    name + ": the jurisdiction for other countries '" + site.otherCountries()
                            + "' is not one of the jurisdictions it serves " + site.jurisdictions());
        }
        checkCountriesServedOnce(site, name);
        if (site.baseUrl() != null) {
            checkUrl(site, "baseUrl", site.baseUrl(), false);
        }
        if (site.hostedBy() != null && catalog.recipient(site.hostedBy()).isEmpty()) {
            report(site, "hostedBy", name + " is hosted by unknown recipient '" + site.hostedBy() + "'");
        }
        for (int i = 0; i < site.storageLocations().size(); i++) {
            checkCountry(
                    site, "storageLocations[" + i + "]", site.storageLocations().get(i));
        }
        new SiteMailCheck(catalog, this::report).check(site);
    }

    /** A visitor's country must lead to one notice: no two jurisdictions of a site may list the same country. */
    private void checkCountriesServedOnce(Site site, String name) {
        Map<String, String> listedBy = new HashMap<>();
        for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
            for (String country : jurisdiction.countries()) {
                String first = listedBy.putIfAbsent(country.toUpperCase(java.util.Locale.ROOT), jurisdiction.key());
                if (first != null) {
                    report(
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
            report(site, "controller", name + " names unknown controller '" + site.controller() + "'");
        } else if (controller.get().address() == null && servesGdpr(site)) {
            report(
                    controller.get(),
                    "key",
                    "controller '" + site.controller() + "' needs an address: site '" + site.key()
                            + "' serves a GDPR jurisdiction, whose notice must state it (Art. 13(1)(a) GDPR)");
        }
    }

    private boolean servesGdpr(Site site) {
        return catalog.jurisdictionsOf(site).stream().anyMatch(j -> j.regime() == Regime.GDPR);
    }

    private void requireSiteOnElements() {
        content.activities().stream()
                .filter(a -> a.site() == null)
                .forEach(activity -> report(
                        activity,
                        "key",
                        "activity '" + activity.key() + "' must name its site: this catalog declares several sites"));
        content.forms().stream()
                .filter(f -> f.site() == null)
                .forEach(form -> report(
                        form,
                        "key",
                        "form '" + form.key() + "' must name its site: this catalog declares several sites"));
    }

    private void checkJurisdiction(Jurisdiction jurisdiction) {
        for (int i = 0; i < jurisdiction.countries().size(); i++) {
            checkCountry(
                    jurisdiction,
                    "countries[" + i + "]",
                    jurisdiction.countries().get(i));
        }
        if (jurisdiction.grants(RightType.COMPLAINT) && jurisdiction.supervisoryAuthority() == null) {
            report(
                    jurisdiction,
                    "rights",
                    "jurisdiction '" + jurisdiction.key()
                            + "' grants the right to complain but names no supervisoryAuthority");
        }
        if (jurisdiction.grants(RightType.AUTOMATED_DECISIONS) && jurisdiction.automatedDecisions() == null) {
            report(
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
                report(
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
                    report(
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
            report(field, "options", name + " is a choice but offers no options");
        }
        if (field.type() != null
                && field.type() != FieldType.CHOICE
                && !field.options().isEmpty()) {
            report(field, "options", name + " offers options but its type is " + Words.kebab(field.type()));
        }
        checkMatching(field, name);
        if (field.maxLength() != null && field.maxLength() < 1) {
            report(field, "maxLength", name + ": maxLength must be at least 1");
        }
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                report(field, "pattern", name + ": pattern is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** Only an identifier links subjects, and only one Steward can prove: an e-mail address or a user name. */
    private void checkMatching(Field field, String name) {
        if (field.matchesSubject() == null) {
            return;
        }
        if (!field.identifier()) {
            report(
                    field,
                    "matchesSubject",
                    name + " sets matchesSubject but is not an identifier: add 'identifier: true'");
        } else if (field.matchesSubject() == DataCategory.SubjectMatching.VERIFIED_ONLY
                && field.type() != FieldType.EMAIL
                && field.type() != FieldType.USERNAME) {
            report(
                    field,
                    "matchesSubject",
                    name + " is a " + Words.kebab(field.type()) + ", which Steward cannot prove belongs to someone:"
                            + " only an e-mail address (by a link) or a user name (by signing in) can link a person's"
                            + " submissions; use 'matchesSubject: never'");
        }
    }

    private void checkRecipient(Recipient recipient) {
        if (recipient.webhook() != null && recipient.webhook().url() != null) {
            checkUrl(recipient, "webhook.url", recipient.webhook().url(), true);
        }
        if (recipient.country() == null) {
            return;
        }
        checkCountry(recipient, "country", recipient.country());
        boolean servesEu = content.jurisdictions().stream().anyMatch(j -> j.regime() == Regime.GDPR);
        if (servesEu
                && Countries.isKnown(recipient.country())
                && !recipient.isInEea()
                && recipient.safeguard() == null) {
            report(
                    recipient,
                    "country",
                    "transfer to recipient '" + recipient.key() + "' in "
                            + recipient.country().toUpperCase() + " leaves the EEA but names no safeguard: add"
                            + " 'safeguard' with one of adequacy-decision, standard-contractual-clauses,"
                            + " binding-corporate-rules or explicit-consent");
        }
    }

    private void checkActivity(ProcessingActivity activity) {
        String name = "activity '" + activity.key() + "'";
        Site site = checkSiteReference(activity, activity.site(), "activity");
        for (int i = 0; i < activity.purposes().size(); i++) {
            String purpose = activity.purposes().get(i);
            if (catalog.purpose(purpose).isEmpty()) {
                report(activity, "purposes[" + i + "]", name + " names unknown purpose '" + purpose + "'");
            }
        }
        if (activity.purposes().isEmpty()) {
            report(activity, "purposes", name + " names no purpose");
        }
        for (int i = 0; i < activity.fields().size(); i++) {
            String field = activity.fields().get(i).field();
            if (field != null && catalog.field(field).isEmpty()) {
                report(activity, "fields[" + i + "]", name + " names undeclared field '" + field + "'");
            }
        }
        for (int i = 0; i < activity.recipients().size(); i++) {
            String recipient = activity.recipients().get(i);
            if (catalog.recipient(recipient).isEmpty()) {
                report(activity, "recipients[" + i + "]", name + " names unknown recipient '" + recipient + "'");
            }
        }
        checkRetention(activity, name);
        for (Site served : site != null ? List.of(site) : content.sites()) {
            checkBases(activity, served);
        }
    }

    private void checkRetention(ProcessingActivity activity, String name) {
        if (activity.retention() == null) {
            report(
                    activity,
                    "key",
                    name + " has no retention rule: add 'retention' with the key of one of the retentionRules,"
                            + " to say how long its data is kept");
        } else if (catalog.retentionRule(activity.retention()).isEmpty()) {
            report(activity, "retention", name + " names unknown retention rule '" + activity.retention() + "'");
        }
    }

    private void checkBases(ProcessingActivity activity, Site site) {
        for (Purpose purpose : catalog.purposesOf(activity)) {
            for (String jurisdiction : site.jurisdictions()) {
                if (catalog.jurisdiction(jurisdiction).isEmpty()) {
                    continue;
                }
                if (purpose.basesIn(jurisdiction).isEmpty()) {
                    report(
                            activity,
                            "purposes[" + activity.purposes().indexOf(purpose.key()) + "]",
                            "purpose '"
                                    + purpose.key() + "' of activity '" + activity.key()
                                    + "' has no legal basis for jurisdiction '"
                                    + jurisdiction + "', which site '" + site.key() + "' serves");
                } else if (purpose.needsConsentIn(jurisdiction) && activity.consent() == null) {
                    report(
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

    private void checkForm(Form form) {
        String name = "form '" + form.key() + "'";
        checkSiteReference(form, form.site(), "form");
        if (form.activity() == null) {
            return;
        }
        Optional<ProcessingActivity> found = catalog.activity(form.activity());
        if (found.isEmpty()) {
            report(form, "activity", name + " names unknown activity '" + form.activity() + "'");
            return;
        }
        ProcessingActivity activity = found.get();
        for (int i = 0; i < form.fields().size(); i++) {
            String field = form.fields().get(i);
            if (catalog.field(field).isEmpty()) {
                report(form, "fields[" + i + "]", name + " names undeclared field '" + field + "'");
            } else if (!activity.collects(field)) {
                report(
                        form,
                        "fields[" + i + "]",
                        name + " names field '" + field + "', which activity '" + activity.key()
                                + "' does not collect");
            }
        }
        for (ProcessingActivity.CollectedField collected : activity.fields()) {
            boolean typed = collected.field() != null
                    && catalog.field(collected.field())
                            .map(f -> f.type() != null && f.type().isTypedByVisitor())
                            .orElse(false);
            if (typed && !collected.voluntary() && !form.fields().contains(collected.field())) {
                report(
                        form,
                        "fields",
                        name + " omits field '" + collected.field() + "', which activity '" + activity.key()
                                + "' requires");
            }
        }
        checkConsentBoxes(form, activity);
        if (form.routing() != null) {
            checkRouting(form, activity);
        }
        if (form.connectionData() != null) {
            checkConnectionData(form);
        }
        if (form.createsAccount()) {
            checkRegistration(form, activity);
        }
        if (form.unlocksDownloads() && !form.createsAccount()) {
            report(
                    form,
                    "unlocksDownloads",
                    name + " unlocks downloads but creates no account: add 'createsAccount: true'");
        }
        if (!form.downloads().isEmpty() && !form.unlocksDownloads()) {
            report(form, "downloads", name + " lists downloads but does not unlock them: add 'unlocksDownloads: true'");
        }
        form.downloads().forEach(download -> checkUrl(download, "href", download.href(), true));
    }

    /**
     * A form that creates accounts needs a required password and a required identifying e-mail address: the account
     * can be used only once a link sent to that address proves it belongs to whoever registered.
     */
    private void checkRegistration(Form form, ProcessingActivity activity) {
        List<Field> required = form.fields().stream()
                .filter(key -> !activity.isVoluntary(key))
                .map(catalog::field)
                .flatMap(Optional::stream)
                .toList();
        boolean email = required.stream().anyMatch(field -> field.identifier() && field.type() == FieldType.EMAIL);
        boolean password = required.stream().anyMatch(field -> field.type() == FieldType.PASSWORD);
        if (!email || !password) {
            report(
                    form,
                    "createsAccount",
                    "form '" + form.key() + "' creates accounts but lacks a required "
                            + (email
                                    ? "password field"
                                    : "identifying e-mail field (the account is verified by a link sent to it)"));
        }
    }

    /**
     * Connection data is kept under an activity of its own (its purpose, legal basis and short retention), which may
     * hold nothing but what a submission's connection carries.
     */
    private void checkConnectionData(Form form) {
        String name = "form '" + form.key() + "'";
        Optional<ProcessingActivity> found = catalog.activity(form.connectionData());
        if (found.isEmpty()) {
            report(
                    form,
                    "connectionData",
                    name + " keeps connection data under unknown activity '" + form.connectionData() + "'");
            return;
        }
        for (ProcessingActivity.CollectedField collected : found.get().fields()) {
            boolean technical = catalog.field(collected.field())
                    .map(field -> field.type() == FieldType.TECHNICAL)
                    .orElse(false);
            if (!technical || !Form.CONNECTION_FIELDS.contains(collected.field())) {
                report(
                        form,
                        "connectionData",
                        name + " keeps connection data under activity '"
                                + found.get().key()
                                + "', which collects field '" + collected.field()
                                + "'; a connection-data activity collects only the technical fields "
                                + String.join(
                                        ", ",
                                        Form.CONNECTION_FIELDS.stream().sorted().toList()));
                return;
            }
        }
    }

    private void checkConsentBoxes(Form form, ProcessingActivity activity) {
        for (int i = 0; i < form.consents().size(); i++) {
            String purpose = form.consents().get(i).purpose();
            if (purpose != null && catalog.purpose(purpose).isEmpty()) {
                report(
                        form,
                        "consents[" + i + "]",
                        "form '" + form.key() + "' asks consent for unknown purpose '" + purpose + "'");
            }
        }
        for (Purpose purpose : catalog.purposesOf(activity)) {
            boolean needsConsent = purpose.legalBasis().keySet().stream().anyMatch(purpose::needsConsentIn);
            List<Form.ConsentBox> boxes = form.consents().stream()
                    .filter(box -> purpose.key().equals(box.purpose()))
                    .toList();
            if (needsConsent && boxes.stream().noneMatch(Form.ConsentBox::required)) {
                String why = ": activity '" + activity.key() + "' rests on consent for it";
                if (boxes.isEmpty()) {
                    report(
                            form,
                            "consents",
                            "form '" + form.key() + "' must ask consent to purpose '" + purpose.key()
                                    + "' with a required box" + why);
                } else {
                    report(
                            boxes.get(0),
                            "required",
                            "form '" + form.key() + "' must make its consent box for purpose '" + purpose.key()
                                    + "' required" + why);
                }
            }
        }
    }

    private void checkRouting(Form form, ProcessingActivity activity) {
        Form.Routing routing = form.routing();
        if (routing.field() != null && !form.fields().contains(routing.field())) {
            report(
                    form,
                    "routing.field",
                    "form '" + form.key() + "' routes by field '" + routing.field()
                            + "', which the form does not show");
        }
        routing.recipients()
                .forEach((value, recipient) ->
                        checkRoutedRecipient(form, activity, "routing.recipients." + value, recipient));
        if (routing.otherwise() != null) {
            checkRoutedRecipient(form, activity, "routing.otherwise", routing.otherwise());
        }
    }

    private void checkRoutedRecipient(Form form, ProcessingActivity activity, String path, String recipient) {
        if (catalog.recipient(recipient).isEmpty()) {
            report(form, path, "form '" + form.key() + "' routes to unknown recipient '" + recipient + "'");
        } else if (!activity.recipients().contains(recipient)) {
            report(
                    form,
                    path,
                    "form '" + form.key() + "' routes to recipient '" + recipient + "', which activity '"
                            + activity.key() + "' does not list among its recipients");
        }
    }

    private void checkCookie(Cookie cookie) {
        checkSiteReference(cookie, cookie.site(), "cookie");
        if (cookie.optOutUrl() != null) {
            checkUrl(cookie, "optOutUrl", cookie.optOutUrl(), false);
        }
        for (int i = 0; i < cookie.hosts().size(); i++) {
            if (!HOST.matcher(cookie.hosts().get(i)).matches()) {
                report(
                        cookie,
                        "hosts[" + i + "]",
                        "'" + cookie.hosts().get(i) + "' is not a host name such as ads.example.com (lower case,"
                                + " no scheme or path; host:port for one port only)");
            }
        }
    }

    private void checkText(TextBlock text) {
        checkSiteReference(text, text.site(), "text block");
        for (int i = 0; i < text.regions().size(); i++) {
            if (catalog.jurisdiction(text.regions().get(i)).isEmpty()) {
                report(
                        text,
                        "regions[" + i + "]",
                        "text block '" + text.key() + "' names unknown jurisdiction '"
                                + text.regions().get(i) + "'");
            }
        }
    }

    private @Nullable Site checkSiteReference(Object element, @Nullable String site, String kind) {
        if (site == null) {
            return null;
        }
        Optional<Site> found = catalog.site(site);
        if (found.isEmpty()) {
            report(element, "site", kind + " names unknown site '" + site + "'");
        }
        return found.orElse(null);
    }

    private void checkCountry(Object element, String path, String country) {
        if (!Countries.isKnown(country)) {
            report(element, path, "'" + country + "' is not an ISO 3166 country code such as US, CZ or JP");
        }
    }

    private void checkUrl(Object element, String path, String url, boolean httpsOnly) {
        try {
            URI uri = new URI(url);
            // plain http to this machine is allowed for development and tests: nothing crosses a network
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            boolean secure = "https".equals(uri.getScheme());
            boolean web = secure || "http".equals(uri.getScheme());
            if (uri.getHost() == null || !web || (httpsOnly && !secure && !loopback)) {
                report(element, path, "'" + url + "' is not an " + (httpsOnly ? "https" : "http(s)") + " address");
            } else if (httpsOnly && !"localhost".equals(uri.getHost()) && insideLiteral(uri.getHost())) {
                // Steward sends personal data there: an address inside a private network is refused when sending
                report(element, path, "'" + url + "' names an address that is not on the public internet");
            }
        } catch (URISyntaxException e) {
            report(element, path, "'" + url + "' is not an " + (httpsOnly ? "https" : "http(s)") + " address");
        }
    }

    /** An IP address literal (never a name: validation resolves nothing) that is not globally routable. */
    private static boolean insideLiteral(String host) {
        if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
            return false;
        }
        try {
            return !PublicAddresses.isPublic(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private void report(Object element, String path, String message) {
        Location at = sources.at(element, path);
        problems.add(new CatalogProblem(at.file(), at.line(), at.column(), message));
    }
}
