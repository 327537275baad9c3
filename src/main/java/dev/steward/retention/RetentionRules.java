package dev.steward.retention;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.StatutoryMinimum;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The catalog's retention rules as they apply to stored records, whose site or rule may since have left it. */
@Component
class RetentionRules {

    private final Catalogs catalogs;

    RetentionRules(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    Optional<RetentionRule> of(String site, String rule) {
        return catalog(site).flatMap(catalog -> catalog.retentionRule(rule));
    }

    Optional<RetentionRule> of(RecordSummary record) {
        return of(record.site(), record.retentionRule());
    }

    Optional<ProcessingActivity> activity(String site, String activity) {
        return catalog(site).flatMap(catalog -> catalog.activity(activity));
    }

    Optional<Purpose> purpose(String site, String purpose) {
        return catalog(site).flatMap(catalog -> catalog.purpose(purpose));
    }

    /** Whether the record's rule starts its clock at this event. */
    boolean triggeredBy(RecordSummary record, RetentionRule.Trigger trigger) {
        return of(record).map(rule -> rule.rule().trigger() == trigger).orElse(false);
    }

    /** The first instant the law lets the record go, when the rule has a statutory minimum. */
    @Nullable
    Instant statutoryEnd(RecordSummary record) {
        return of(record)
                .filter(rule -> rule.statutoryMinimum() != null)
                .map(rule -> rule.statutoryMinimum().addTo(record.collectedAt()))
                .orElse(null);
    }

    /** Every site's rules that have a statutory minimum, for a sweep to keep what the law says must stay. */
    List<StatutoryMinimum> statutoryMinimums() {
        return sites().stream()
                .flatMap(site -> catalog(site.key()).stream()
                        .flatMap(catalog -> catalog.retentionRules().stream())
                        .filter(rule -> rule.statutoryMinimum() != null)
                        .map(rule -> new StatutoryMinimum(site.key(), rule.key(), rule.statutoryMinimum())))
                .toList();
    }

    /** The due time, moved to the end of the statutory minimum when that comes later. */
    Instant notBeforeStatute(RecordSummary record, Instant due) {
        Instant end = statutoryEnd(record);
        return end != null && end.isAfter(due) ? end : due;
    }

    /** The data categories whose fields the activity collects, as the deletion certificate counts them. */
    List<String> categoriesOf(String site, String activity) {
        Optional<Catalog> catalog = catalog(site);
        return catalog.flatMap(c -> c.activity(activity))
                .map(declared -> declared.fields().stream()
                        .map(field -> catalog.get().categoryOf(field.field()))
                        .flatMap(Optional::stream)
                        .map(DataCategory::key)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    List<Site> sites() {
        return catalogs.sites();
    }

    List<ProcessingActivity> activitiesOf(String site) {
        return catalog(site).map(catalog -> catalog.activitiesOf(site)).orElse(List.of());
    }

    private Optional<Catalog> catalog(String site) {
        return catalogs.site(site).map(declared -> catalogs.of(site));
    }
}
