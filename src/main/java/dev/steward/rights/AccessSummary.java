package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Countries;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.platform.StewardProperties;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The access package's page to read (GDPR Art. 15(1)): per record, in words, the purposes, the legal basis, who
 * receives the data, how long it is kept, where it came from and the rights with links, beside the values stored.
 * Written in each site's default language and time zone: the package is prepared by staff, not in a visitor's request.
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

    AccessSummary(Catalogs catalogs, SiteTimes times, MessageSource messages, StewardProperties properties) {
        this.catalogs = catalogs;
        this.times = times;
        this.messages = messages;
        this.properties = properties;
    }

    List<Item> items(SubjectData.Export export) {
        return export.records().stream().map(this::item).toList();
    }

    /** A moment of the export, for a site's reader; the export itself keeps ISO timestamps for machines. */
    public String when(@Nullable String iso, String siteKey) {
        if (iso == null) {
            return "";
        }
        Site site = catalogs.requireSite(siteKey);
        return times.dayTime(Instant.parse(iso), site, Locale.forLanguageTag(site.language()));
    }

    public String when(@Nullable Instant at, String siteKey) {
        return at == null ? "" : when(at.toString(), siteKey);
    }

    /** A stored value as a person reads it: a moment Steward recorded (a submission time) in words. */
    private String readable(String value, String siteKey) {
        try {
            return when(Instant.parse(value), siteKey);
        } catch (java.time.format.DateTimeParseException notAMoment) {
            return value;
        }
    }

    private Item item(SubjectData.Record record) {
        Catalog catalog = catalogs.of(record.site());
        Site site = catalogs.requireSite(record.site());
        String language = site.language();
        Locale locale = Locale.forLanguageTag(language);
        Optional<ProcessingActivity> activity = catalog.activity(record.activity());
        List<String> purposes = activity.map(a -> catalog.purposesOf(a).stream()
                        .map((Purpose p) -> p.name().in(language))
                        .toList())
                .orElse(List.of());
        List<String> recipients = activity.map(a -> a.recipients().stream()
                        .map(catalog::recipient)
                        .flatMap(Optional::stream)
                        .map(r -> r.name() + " (" + Countries.name(r.country()) + ")")
                        .toList())
                .orElse(List.of());
        String retention = activity.map(ProcessingActivity::retention)
                .flatMap(catalog::retentionRule)
                .map((RetentionRule rule) -> rule.description().in(language))
                .orElse("");
        List<Field> fields = record.fields().entrySet().stream()
                .map(e -> new Field(
                        catalog.field(e.getKey())
                                .map((DataCategory.Field f) -> f.label().in(language))
                                .orElse(e.getKey()),
                        readable(e.getValue(), record.site())))
                .toList();
        return new Item(
                site.name().in(language),
                record.activityName(),
                when(record.collectedAt(), record.site()),
                record.noticeVersion(),
                purposes,
                basis(record.legalBasis(), locale),
                recipients.isEmpty() ? List.of(messages.getMessage("summary.nobody", null, locale)) : recipients,
                retention,
                record.dueAt() == null ? null : when(record.dueAt(), record.site()),
                source(catalog, site, activity, locale),
                fields,
                rights(catalog, site));
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
                .map(f -> f.title().in(site.language())));
        return form.map(title -> messages.getMessage("summary.source.form", new Object[] {title}, locale))
                .orElseGet(() -> messages.getMessage(
                        "summary.source.visit", new Object[] {site.name().in(site.language())}, locale));
    }

    private List<Right> rights(Catalog catalog, Site site) {
        String language = site.language();
        String centre = properties.publicUrl() + "/s/" + site.key() + "/privacy-center";
        return catalog.jurisdiction(site.defaultJurisdiction()).map(Jurisdiction::rights).orElse(List.of()).stream()
                .map(right -> new Right(
                        right.title().in(language),
                        centre + "?region=" + site.defaultJurisdiction() + "#right-"
                                + right.type().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .toList();
    }

    public String siteName(String siteKey) {
        Site site = catalogs.requireSite(siteKey);
        return site.name().in(site.language());
    }

    public String purpose(String siteKey, String key) {
        Site site = catalogs.requireSite(siteKey);
        return catalogs.of(siteKey)
                .purpose(key)
                .map(p -> p.name().in(site.language()))
                .orElse(key);
    }

    public String form(String siteKey, String key) {
        Site site = catalogs.requireSite(siteKey);
        return catalogs.of(siteKey)
                .form(siteKey, key)
                .map(f -> f.title().in(site.language()))
                .orElse(key);
    }

    /** A word from the message bundle in the site's default language. */
    public String word(String siteKey, String code) {
        Site site = catalogs.requireSite(siteKey);
        return messages.getMessage(code, null, code, Locale.forLanguageTag(site.language()));
    }
}
