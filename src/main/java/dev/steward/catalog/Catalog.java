package dev.steward.catalog;

import dev.steward.catalog.DataCategory.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One validated catalog: the single source from which notices are rendered and against which every collection,
 * use and disclosure of personal data is checked. Elements that name no site apply to every site of the
 * catalog.
 */
public final class Catalog {

    private final String source;
    private final CatalogContent content;
    private final Map<String, Site> sites;
    private final Map<String, Controller> controllers;
    private final Map<String, Jurisdiction> jurisdictions;
    private final Map<String, Purpose> purposes;
    private final Map<String, Field> fields;
    private final Map<String, DataCategory> categoryOfField;
    private final Map<String, Recipient> recipients;
    private final Map<String, RetentionRule> retentionRules;
    private final Map<String, ProcessingActivity> activities;
    private final Map<String, List<Catalog>> earlierEditions;
    // asked on every consent decision: built once, since a catalog never changes
    private final Map<String, List<ProcessingActivity>> activitiesBySite;
    private final Map<String, Set<String>> purposesBySite;

    public Catalog(String source, CatalogContent content, Map<String, List<Catalog>> earlierEditions) {
        this.source = source;
        this.content = content;
        this.earlierEditions = Map.copyOf(earlierEditions);
        this.sites = index(content.sites(), Site::key);
        this.controllers = index(content.controllers(), Controller::key);
        this.jurisdictions = index(content.jurisdictions(), Jurisdiction::key);
        this.purposes = index(content.purposes(), Purpose::key);
        this.recipients = index(content.recipients(), Recipient::key);
        this.retentionRules = index(content.retentionRules(), RetentionRule::key);
        this.activities = index(content.activities(), ProcessingActivity::key);
        Map<String, Field> fieldIndex = new LinkedHashMap<>();
        Map<String, DataCategory> categoryIndex = new LinkedHashMap<>();
        for (DataCategory category : content.dataCategories()) {
            for (Field field : category.fields()) {
                // a catalog that failed binding may lack keys; it is indexed anyway so validation can go on
                if (field.key() != null) {
                    fieldIndex.putIfAbsent(field.key(), field);
                    categoryIndex.putIfAbsent(field.key(), category);
                }
            }
        }
        this.fields = Map.copyOf(fieldIndex);
        this.categoryOfField = Map.copyOf(categoryIndex);
        this.activitiesBySite = sites.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), this::selectActivitiesOf));
        this.purposesBySite = sites.keySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Function.identity(),
                        site -> activitiesOf(site).stream()
                                .flatMap(activity -> activity.purposes().stream())
                                .filter(java.util.Objects::nonNull)
                                .collect(Collectors.toUnmodifiableSet())));
    }

    private static <T> Map<String, T> index(List<T> elements, Function<T, String> key) {
        return elements.stream()
                .filter(element -> key.apply(element) != null)
                .collect(Collectors.toMap(key, Function.identity(), (first, second) -> first, LinkedHashMap::new));
    }

    /** Where the catalog was read from (a file, a folder or a classpath location). */
    public String source() {
        return source;
    }

    public CatalogContent content() {
        return content;
    }

    /** Catalogs of the site's notices published before this one, oldest first. */
    public List<Catalog> earlierEditionsOf(String site) {
        return earlierEditions.getOrDefault(site, List.of());
    }

    public List<Site> sites() {
        return content.sites();
    }

    public Optional<Site> site(String key) {
        return Optional.ofNullable(sites.get(key));
    }

    public Optional<Controller> controller(String key) {
        return Optional.ofNullable(controllers.get(key));
    }

    public Controller controllerOf(Site site) {
        return controllers.get(site.controller());
    }

    /** The postal address a site's campaigns show in their footer: its mail section's, else its controller's. */
    public Optional<String> postalAddressOf(Site site) {
        if (site.mail() != null && site.mail().postalAddress() != null) {
            return Optional.of(site.mail().postalAddress());
        }
        return Optional.ofNullable(controllers.get(site.controller())).map(Controller::address);
    }

    public Optional<Jurisdiction> jurisdiction(String key) {
        return Optional.ofNullable(jurisdictions.get(key));
    }

    public List<Jurisdiction> jurisdictionsOf(Site site) {
        return site.jurisdictions().stream()
                .map(jurisdictions::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public Optional<Purpose> purpose(String key) {
        return Optional.ofNullable(purposes.get(key));
    }

    /**
     * The purposes of the operational mail a site sends whatever a person's marketing choices (Omron: changes that
     * affect personal information, product recalls), named in the language; none where the site declares none, so
     * that a page does not promise one site's operational mail on another.
     */
    public List<LocalizedText.Shown> operationalMail(Site site, String language) {
        return site.mail() == null
                ? List.of()
                : site.mail().operational().stream()
                        .map(purposes::get)
                        .filter(java.util.Objects::nonNull)
                        .map(purpose -> purpose.name().shownIn(language, site.language()))
                        .toList();
    }

    public List<Purpose> purposesOf(ProcessingActivity activity) {
        return activity.purposes().stream()
                .map(purposes::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    public Optional<Field> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public Optional<DataCategory> categoryOf(String fieldKey) {
        return Optional.ofNullable(categoryOfField.get(fieldKey));
    }

    public List<DataCategory> dataCategories() {
        return content.dataCategories();
    }

    public Optional<Recipient> recipient(String key) {
        return Optional.ofNullable(recipients.get(key));
    }

    public List<Recipient> recipients() {
        return content.recipients();
    }

    public Optional<RetentionRule> retentionRule(String key) {
        return Optional.ofNullable(retentionRules.get(key));
    }

    public List<RetentionRule> retentionRules() {
        return content.retentionRules();
    }

    public Optional<ProcessingActivity> activity(String key) {
        return Optional.ofNullable(activities.get(key));
    }

    public List<ProcessingActivity> activitiesOf(String site) {
        List<ProcessingActivity> known = activitiesBySite.get(site);
        return known != null ? known : selectActivitiesOf(site);
    }

    /** Whether one of the site's activities serves the purpose. */
    public boolean declaresPurpose(String site, String purpose) {
        Set<String> known = purposesBySite.get(site);
        return known != null
                ? known.contains(purpose)
                : activitiesOf(site).stream()
                        .anyMatch(activity -> activity.purposes().contains(purpose));
    }

    private List<ProcessingActivity> selectActivitiesOf(String site) {
        return content.activities().stream()
                .filter(activity -> appliesTo(activity.site(), site))
                .toList();
    }

    public List<Form> formsOf(String site) {
        return content.forms().stream()
                .filter(form -> appliesTo(form.site(), site))
                .toList();
    }

    public Optional<Form> form(String site, String key) {
        return formsOf(site).stream().filter(form -> form.key().equals(key)).findFirst();
    }

    public List<Cookie> cookiesOf(String site) {
        return content.cookies().stream()
                .filter(cookie -> appliesTo(cookie.site(), site))
                .toList();
    }

    /** The site's cookie banner: its own, else one that names no site. */
    public Optional<CookieBanner> cookieBannerOf(String site) {
        return content.cookieBanners().stream()
                .filter(banner -> site.equals(banner.site()))
                .findFirst()
                .or(() -> content.cookieBanners().stream()
                        .filter(banner -> banner.site() == null)
                        .findFirst());
    }

    public List<SecurityMeasure> securityMeasuresOf(String site) {
        return content.securityMeasures().stream()
                .filter(measure -> appliesTo(measure.site(), site))
                .toList();
    }

    public List<TextBlock> textsOf(String site, TextBlock.Section section, String region) {
        return content.texts().stream()
                .filter(text -> appliesTo(text.site(), site))
                .filter(text -> text.section() == section && text.appliesTo(region))
                .toList();
    }

    private static boolean appliesTo(@Nullable String elementSite, String site) {
        return elementSite == null || elementSite.equals(site);
    }
}
