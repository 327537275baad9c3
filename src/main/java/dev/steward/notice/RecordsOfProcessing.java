package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Controller;
import dev.steward.catalog.Countries;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.SecurityMeasure;
import dev.steward.catalog.Site;
import dev.steward.platform.Csv;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The records of processing activities that GDPR Art. 30(1) asks a controller to keep, one per activity of each
 * site, generated from the catalog: (a) the controller and its representatives, (b) purposes, (c) data subjects
 * and data categories, (d) recipients, (e) transfers to third countries with their safeguards, (f) time limits
 * for erasure and (g) security measures.
 */
@Service
public class RecordsOfProcessing {

    static final List<String> COLUMNS = List.of(
            "site",
            "activity",
            "activityName",
            "controller",
            "controllerContact",
            "representatives",
            "dataProtectionOfficer",
            "purposes",
            "legalBases",
            "dataSubjects",
            "dataCategories",
            "recipients",
            "thirdCountryTransfers",
            "erasureTimeLimit",
            "securityMeasures");

    private final Catalogs catalogs;
    private final Clock clock;

    RecordsOfProcessing(Catalogs catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    public Export export() {
        return export(site -> true);
    }

    /** The records of the sites the predicate accepts: a member of staff limited to sites sees theirs. */
    public Export export(Predicate<String> sites) {
        return new Export(
                clock.instant(),
                activities(sites).stream()
                        .map(each -> entry(each.catalog(), each.site(), each.activity()))
                        .toList());
    }

    /** Each activity of each site the predicate accepts, with the catalog and site it belongs to. */
    List<Activity> activities(Predicate<String> sites) {
        List<Activity> activities = new ArrayList<>();
        for (Catalog catalog : catalogs.all()) {
            for (Site site : catalog.sites()) {
                if (sites.test(site.key())) {
                    catalog.activitiesOf(site.key())
                            .forEach(activity -> activities.add(new Activity(catalog, site, activity)));
                }
            }
        }
        return activities;
    }

    record Activity(Catalog catalog, Site site, ProcessingActivity activity) {}

    Entry entry(Catalog catalog, Site site, ProcessingActivity activity) {
        Controller controller = catalog.controllerOf(site);
        List<Purpose> purposes = catalog.purposesOf(activity);
        List<Recipient> recipients = activity.recipients().stream()
                .map(key -> catalog.recipient(key).orElseThrow())
                .toList();
        RetentionRule retention = catalog.retentionRule(activity.retention()).orElseThrow();
        return new Entry(
                site.key(),
                activity.key(),
                activity.name().toString(),
                controller.legalName(),
                join(Stream.of(oneLine(controller.address()), controller.phone(), controller.email())),
                join(controller.representatives().stream()
                        .map(rep -> rep.region() + ": " + rep.name() + ", " + oneLine(rep.address()))),
                controller.dataProtectionOfficer() == null
                        ? ""
                        : controller.dataProtectionOfficer().name(),
                join(purposes.stream().map(purpose -> purpose.name().toString())),
                join(purposes.stream()
                        .flatMap(purpose -> purpose.legalBasis().entrySet().stream()
                                .map(entry -> entry.getKey() + " "
                                        + entry.getValue().stream()
                                                .map(basis -> basis.citation())
                                                .collect(Collectors.joining(" + "))))
                        .distinct()),
                join(activity.dataSubjects().stream().map(Object::toString)),
                join(activity.fields().stream()
                        .map(field -> catalog.categoryOf(field.field()).orElseThrow())
                        .map(DataCategory::name)
                        .map(Object::toString)
                        .distinct()),
                join(recipients.stream()
                        .map(r -> r.name() + " (" + r.role().name().toLowerCase() + ", " + Countries.name(r.country())
                                + ")")),
                join(recipients.stream()
                        .filter(r -> !r.isInEea())
                        .map(r -> Countries.name(r.country()) + ": " + r.name() + " — "
                                + (r.safeguard() == null
                                        ? "no safeguard"
                                        : r.safeguard().citation()))),
                retention.rule() + " — " + retention.description()
                        + (retention.statutoryMinimum() == null
                                ? ""
                                : " (statutory minimum " + retention.statutoryMinimum() + ")"),
                join(catalog.securityMeasuresOf(site.key()).stream()
                        .map(SecurityMeasure::name)
                        .map(Object::toString)));
    }

    private static String oneLine(String text) {
        return text == null
                ? null
                : text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }

    private static String join(Stream<String> parts) {
        return parts.filter(Objects::nonNull).collect(Collectors.joining("; "));
    }

    /** All records at one instant. */
    public record Export(Instant generatedAt, List<Entry> records) {

        public String csv() {
            Csv csv = new Csv().header(COLUMNS);
            records.forEach(entry -> csv.row(entry.values()));
            return csv.toString();
        }
    }

    /** One record of a processing activity (Art. 30(1)(a)–(g)). */
    public record Entry(
            String site,
            String activity,
            String activityName,
            String controller,
            String controllerContact,
            String representatives,
            String dataProtectionOfficer,
            String purposes,
            String legalBases,
            String dataSubjects,
            String dataCategories,
            String recipients,
            String thirdCountryTransfers,
            String erasureTimeLimit,
            String securityMeasures) {

        List<String> values() {
            return List.of(
                    site,
                    activity,
                    activityName,
                    controller,
                    controllerContact,
                    representatives,
                    dataProtectionOfficer,
                    purposes,
                    legalBases,
                    dataSubjects,
                    dataCategories,
                    recipients,
                    thirdCountryTransfers,
                    erasureTimeLimit,
                    securityMeasures);
        }
    }
}
