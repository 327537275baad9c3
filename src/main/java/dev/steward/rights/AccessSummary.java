package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.VisitorLanguageLinks;
import dev.steward.platform.StewardProperties;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The access package's page to read (GDPR Art. 15(1)): per record, in words, the purposes, the legal basis, who
 * receives the data, how long it is kept, where it came from and the rights with links, beside the values stored.
 * Written in the package's language (the request's) and on the clock of the request's jurisdiction; a catalog text not translated into
 * it is shown in the site's default language, and the page says so.
 */
@Component
class AccessSummary {

    record Field(String label, String value) {}

    record Right(String title, String link) {}

    record Item(
            String siteName,
            String activity,
            String collected,
            String noticeVersion,
            List<String> purposes,
            List<String> legalBases,
            List<String> recipients,
            String retention,
            @Nullable String due,
            String source,
            List<Field> fields,
            List<Right> rights) {}

    private final Catalogs catalogs;
    private final SiteTimes times;
    private final MessageSource messages;
    private final StewardProperties properties;
    private final VisitorLanguageLinks languages;

    AccessSummary(
            Catalogs catalogs,
            SiteTimes times,
            MessageSource messages,
            StewardProperties properties,
            VisitorLanguageLinks languages) {
        this.languages = languages;
        this.catalogs = catalogs;
        this.times = times;
        this.messages = messages;
        this.properties = properties;
    }

    /** The records as items, their moments on the clock of the request's jurisdiction (null: each site's own). */
    List<Item> items(SubjectExport export, @Nullable String jurisdiction, Locale locale) {
        return export.records().stream()
                .map(record -> item(record, jurisdiction, locale))
                .toList();
    }

    /** A moment of the export, for a site's reader; the export itself keeps ISO timestamps for machines. */
    public String when(@Nullable String iso, String siteKey, @Nullable String jurisdiction, Locale locale) {
        return iso == null
                ? ""
                : times.dayTime(Instant.parse(iso), catalogs.requireSite(siteKey), jurisdiction, locale);
    }

    public String when(@Nullable Instant at, String siteKey, @Nullable String jurisdiction, Locale locale) {
        return at == null ? "" : when(at.toString(), siteKey, jurisdiction, locale);
    }

    /** A stored value as a person reads it: a moment Steward recorded (a submission time) in words. */
    private String readable(String value, String siteKey, @Nullable String jurisdiction, Locale locale) {
        try {
            return when(Instant.parse(value), siteKey, jurisdiction, locale);
        } catch (java.time.format.DateTimeParseException notAMoment) {
            return value;
        }
    }

    /**
     * A field by its label, and a choice by the label of the option chosen ("Germany", not "DE"), as the person saw it
     * on the form.
     */
    private Field field(
            Catalog catalog, Site site, String key, String value, @Nullable String jurisdiction, Locale locale) {
        Optional<DataCategory.Field> declared = catalog.field(key);
        return new Field(
                declared.map(f -> text(f.label(), site, locale)).orElse(key),
                declared.stream()
                        .flatMap(f -> f.options().stream())
                        .filter(option -> option.value().equals(value))
                        .findFirst()
                        .map(option -> text(option.label(), site, locale))
                        .orElseGet(() -> readable(value, site.key(), jurisdiction, locale)));
    }

    /** Where the activity (and so its form) lists the field; fields it no longer lists come last. */
    private static int position(Optional<ProcessingActivity> activity, String field) {
        List<String> order = activity.map(a -> a.fields().stream()
                        .map(ProcessingActivity.CollectedField::field)
                        .toList())
                .orElse(List.of());
        int position = order.indexOf(field);
        return position < 0 ? Integer.MAX_VALUE : position;
    }

    private Item item(SubjectExport.Record record, @Nullable String jurisdiction, Locale locale) {
        Catalog catalog = catalogs.of(record.site());
        Site site = catalogs.requireSite(record.site());
        Optional<ProcessingActivity> activity = catalog.activity(record.activity());
        List<String> purposes = activity.map(a -> catalog.purposesOf(a).stream()
                        .map((Purpose p) -> text(p.name(), site, locale))
                        .toList())
                .orElse(List.of());
        List<String> recipients = activity.map(a -> a.recipients().stream()
                        .map(catalog::recipient)
                        .flatMap(Optional::stream)
                        .map(r -> text(r.name(), site, locale) + " (" + country(r.country(), locale) + ")")
                        .toList())
                .orElse(List.of());
        String retention = activity.map(ProcessingActivity::retention)
                .flatMap(catalog::retentionRule)
                .map((RetentionRule rule) -> text(rule.description(), site, locale))
                .orElse("");
        List<Field> fields = record.fields().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> position(activity, e.getKey())))
                .map(e -> field(catalog, site, e.getKey(), e.getValue(), jurisdiction, locale))
                .toList();
        return new Item(
                text(site.name(), site, locale),
                activity.map(a -> text(a.name(), site, locale)).orElse(record.activityName()),
                when(record.collectedAt(), record.site(), jurisdiction, locale),
                record.noticeVersion(),
                purposes,
                basis(record.legalBasis(), locale),
                recipients.isEmpty() ? List.of(messages.getMessage("summary.nobody", null, locale)) : recipients,
                retention,
                record.dueAt() == null ? null : when(record.dueAt(), record.site(), jurisdiction, locale),
                source(catalog, site, activity, locale),
                fields,
                rights(catalog, site, record.jurisdiction(), locale));
    }

    /** A catalog text in the package's language, or in the site's default where it is not translated. */
    private static String text(LocalizedText text, Site site, Locale locale) {
        return text.in(locale.getLanguage(), site.language());
    }

    /** A country by its ISO code, named in the package's language. */
    public String country(String code, Locale locale) {
        return "EU".equalsIgnoreCase(code)
                ? messages.getMessage("rights.country.eu", null, locale)
                : new Locale.Builder().setRegion(code).build().getDisplayCountry(locale);
    }

    private List<String> basis(String keys, Locale locale) {
        return Arrays.stream(keys.split("[,;]\\s*"))
                .filter(key -> !key.isBlank())
                .map(key -> Arrays.stream(LegalBasis.values())
                        .filter(b -> b.key().equals(key.trim()))
                        .findFirst()
                        .map(b -> b.citation() + ": "
                                + messages.getMessage("basis." + b.key(), null, b.description(), locale))
                        .orElse(key))
                .toList();
    }

    private String source(Catalog catalog, Site site, Optional<ProcessingActivity> activity, Locale locale) {
        Optional<String> form = activity.flatMap(a -> catalog.formsOf(site.key()).stream()
                .filter(f -> f.activity().equals(a.key()))
                .findFirst()
                .map(f -> text(f.title(), site, locale)));
        return form.map(title -> messages.getMessage("summary.source.form", new Object[] {title}, locale))
                .orElseGet(() -> messages.getMessage(
                        "summary.source.visit", new Object[] {text(site.name(), site, locale)}, locale));
    }

    /**
     * The rights of the jurisdiction the record was collected under, the site's default where the catalog no longer
     * has it there: an EU visitor of a site based in Japan reads the GDPR's rights, not the APPI's.
     */
    private List<Right> rights(Catalog catalog, Site site, String collectedUnder, Locale locale) {
        String jurisdiction =
                site.jurisdictions().contains(collectedUnder) ? collectedUnder : site.defaultJurisdiction();
        String rights = properties.publicUrl() + "/s/" + site.key() + "/privacy-center/rights/";
        String query = "?region=" + jurisdiction + "&lang=" + locale.getLanguage();
        return catalog.jurisdiction(jurisdiction).map(Jurisdiction::rights).orElse(List.of()).stream()
                .map(right -> new Right(
                        text(right.title(), site, locale),
                        rights + right.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + query))
                .toList();
    }

    public String siteName(String siteKey, Locale locale) {
        Site site = catalogs.requireSite(siteKey);
        return text(site.name(), site, locale);
    }

    public String purpose(String siteKey, String key, Locale locale) {
        Site site = catalogs.requireSite(siteKey);
        return catalogs.of(siteKey)
                .purpose(key)
                .map(p -> text(p.name(), site, locale))
                .orElse(key);
    }

    public String form(String siteKey, String key, Locale locale) {
        Site site = catalogs.requireSite(siteKey);
        return catalogs.of(siteKey)
                .form(siteKey, key)
                .map(f -> text(f.title(), site, locale))
                .orElse(key);
    }

    /** The note that some of a site's texts are not translated into the package's language; null when all are. */
    public @Nullable String fallback(String siteKey, Locale locale) {
        return languages.of(siteKey, locale).fallback();
    }
}
