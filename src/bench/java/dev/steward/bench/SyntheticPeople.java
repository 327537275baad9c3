package dev.steward.bench;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentRequest;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.notice.PublishedNotices;
import dev.steward.vault.BulkSubjects;
import dev.steward.vault.Identifier;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Made-up people for the benchmark, shaped by the catalog: person {@code n} signs up on one of the catalog's
 * activities that collect an e-mail address on consent, with every field of that activity filled in, gives and
 * changes their consents, and has their data disclosed to one of the activity's recipients. Their addresses
 * ({@code person-N@bench.invalid}) are synthetic but go through the vault like any other.
 */
final class SyntheticPeople {

    /** One activity people sign up for, with what the catalog says about it. */
    private record Signup(
            Site site, ProcessingActivity activity, List<Purpose> purposes, List<String> categories, String wording) {}

    private final Catalogs catalogs;
    private final List<Signup> signups;
    private final Map<String, String> noticeVersions;
    private final Instant now;

    SyntheticPeople(Catalogs catalogs, Map<String, String> noticeVersions, Instant now) {
        this.catalogs = catalogs;
        this.noticeVersions = noticeVersions;
        this.now = now;
        this.signups = catalogs.sites().stream()
                .flatMap(site -> signups(site).stream())
                .toList();
        if (signups.isEmpty()) {
            throw new IllegalStateException("The catalog has no activity that collects an e-mail address on consent");
        }
    }

    private SyntheticPeople(SyntheticPeople all, List<Signup> signups) {
        this.catalogs = all.catalogs;
        this.noticeVersions = all.noticeVersions;
        this.now = all.now;
        this.signups = signups;
    }

    /**
     * The same people, all signing up on one activity of one site: a list's subscribers (the campaign workload).
     *
     * @throws IllegalArgumentException when the site has no such activity collecting an e-mail address on consent
     */
    SyntheticPeople onlyOn(String site, String activity) {
        List<Signup> only = signups.stream()
                .filter(signup -> signup.site().key().equals(site)
                        && signup.activity().key().equals(activity))
                .toList();
        if (only.isEmpty()) {
            throw new IllegalArgumentException("Site '" + site + "' has no activity '" + activity
                    + "' that collects an e-mail address on consent");
        }
        return new SyntheticPeople(this, only);
    }

    /** Consent events per person that give every consent of their activity and confirm the double opt-in ones. */
    int eventsToConfirm() {
        return 2
                * signups.stream()
                        .mapToInt(signup -> signup.purposes().size())
                        .max()
                        .orElse(1);
    }

    /** People who consent under the notices now in force (which must have been published: a first start does it). */
    static SyntheticPeople of(Catalogs catalogs, PublishedNotices notices, Instant now) {
        return new SyntheticPeople(
                catalogs,
                catalogs.sites().stream()
                        .map(Site::key)
                        .collect(Collectors.toMap(
                                Function.identity(),
                                site -> notices.inForce(site).version())),
                now);
    }

    static String email(long person) {
        return "person-" + person + "@bench.invalid";
    }

    List<Site> sites() {
        return signups.stream().map(Signup::site).distinct().toList();
    }

    BulkSubjects.NewSubject subject(long person) {
        Signup signup = signup(person);
        NewRecord record =
                record(signup.site(), signup.activity(), signup.purposes().get(0), person);
        return new BulkSubjects.NewSubject(List.of(Identifier.email(email(person))), List.of(record), signedUp(person));
    }

    /**
     * A record that is due for erasure when collected at {@link #longAgo}: the person's connection data under the
     * first activity kept for a fixed period from collection, shorter than a year and with no statutory minimum (in
     * the example catalogs, a contact form's misuse-prevention data, kept seven days).
     */
    NewRecord dueRecord(long person) {
        for (Site site : catalogs.sites()) {
            Catalog catalog = catalogs.of(site.key());
            for (ProcessingActivity activity : catalog.activitiesOf(site.key())) {
                RetentionRule rule = catalog.retentionRule(activity.retention()).orElseThrow();
                if (rule.rule().trigger() == RetentionRule.Trigger.COLLECTED
                        && rule.statutoryMinimum() == null
                        && rule.rule().span().addTo(longAgo()).isBefore(now)
                        && !catalog.purposesOf(activity).isEmpty()) {
                    return record(site, activity, catalog.purposesOf(activity).get(0), person);
                }
            }
        }
        throw new IllegalStateException("The catalog keeps nothing for a fixed period from collection");
    }

    /** When due records were collected: a year and a day ago. */
    Instant longAgo() {
        return now.minus(Duration.ofDays(366));
    }

    /** A record of the activity with every field it collects filled in (passwords aside), as the person sent it. */
    private NewRecord record(Site site, ProcessingActivity activity, Purpose purpose, long person) {
        Map<String, String> fields = new LinkedHashMap<>();
        Catalog catalog = catalogs.of(site.key());
        for (ProcessingActivity.CollectedField collected : activity.fields()) {
            catalog.field(collected.field())
                    .filter(field -> field.type() != DataCategory.FieldType.PASSWORD)
                    .ifPresent(field -> fields.put(field.key(), value(field, person)));
        }
        String jurisdiction = site.defaultJurisdiction();
        return new NewRecord(
                site.key(),
                activity.key(),
                noticeVersions.get(site.key()),
                purpose.basesIn(jurisdiction).get(0).key(),
                jurisdiction,
                activity.retention(),
                null,
                RecordState.ACTIVE,
                fields);
    }

    /**
     * The person's consent history: each consent-based purpose of the activity is given first, then (in later rounds)
     * confirmed where the purpose asks for a double opt-in, withdrawn, renewed, withdrawn again.
     */
    List<ConsentRequest> consents(long person, SubjectId subject, int events) {
        Signup signup = signup(person);
        List<ConsentRequest> requests = new java.util.ArrayList<>(events);
        for (int k = 0; k < events; k++) {
            Purpose purpose = signup.purposes().get(k % signup.purposes().size());
            ConsentAction action = action(purpose, k / signup.purposes().size());
            requests.add(ConsentRequest.of(subject, signup.site().key(), purpose.key(), action, CollectionMethod.FORM)
                    .withActivity(signup.activity().key())
                    // WHY named: the form was shown under the site's default, as the records are; a consent that
                    // names none is filed under the person's latest words, one ledger read a person, which with the
                    // bulk load's indexes off scans the whole ledger (at 10,000,000: 365 people a second and
                    // falling, against 20,040 a second named; bench/README.md, ten16)
                    .withJurisdiction(signup.site().defaultJurisdiction())
                    .withWording(action.grants() ? signup.wording() : null)
                    .withConnection("198.51.100." + (person % 254 + 1), "Mozilla/5.0 (X11; Linux x86_64) bench")
                    .at(
                            signedUp(person).plus(Duration.ofMinutes(k)),
                            noticeVersions.get(signup.site().key())));
        }
        return requests;
    }

    List<NewDisclosure> disclosures(long person, SubjectId subject) {
        Signup signup = signup(person);
        List<String> recipients = signup.activity().recipients();
        if (recipients.isEmpty()) {
            return List.of();
        }
        return List.of(NewDisclosure.of(
                        signup.site().key(),
                        subject,
                        recipients.get((int) (person % recipients.size())),
                        signup.activity().key(),
                        signup.categories())
                .because(null, "bench:routing"));
    }

    /**
     * A line of a consent import file (site, email, purpose, action, occurred_at, method, wording): someone new gives
     * their consent; someone known withdraws one.
     */
    List<String> importLine(long person, String email, boolean known) {
        Signup signup = signup(person);
        return List.of(
                signup.site().key(),
                email,
                signup.purposes().get(0).key(),
                known ? "withdrawn" : "given",
                now.minus(Duration.ofSeconds(1 + person % 86_400)).toString(),
                "import",
                known ? "" : signup.wording());
    }

    private Signup signup(long person) {
        return signups.get((int) (person % signups.size()));
    }

    /** Sign-ups spread over the past year, a minute apart for each event after. */
    private Instant signedUp(long person) {
        return now.minus(Duration.ofDays(1 + person % 365)).minus(Duration.ofSeconds(person % 86_400));
    }

    private static ConsentAction action(Purpose purpose, int round) {
        return switch (round) {
            case 0 -> ConsentAction.GIVEN;
            case 1 -> purpose.doubleOptIn() ? ConsentAction.CONFIRMED : ConsentAction.WITHDRAWN;
            default -> round % 2 == 0 ? ConsentAction.RENEWED : ConsentAction.WITHDRAWN;
        };
    }

    private static String value(DataCategory.Field field, long person) {
        return switch (field.type()) {
            case EMAIL -> email(person);
            case PHONE -> "+49 30 " + (1_000_000 + person % 9_000_000);
            case POSTAL_CODE -> String.valueOf(10_000 + person % 89_999);
            case CHOICE ->
                field.options().isEmpty() ? "other" : field.options().get(0).value();
            case DATE -> "1980-01-01";
            case USERNAME -> "person" + person;
            case URL -> "https://bench.invalid/" + person;
            default -> field.key() + " of person " + person;
        };
    }

    private List<Signup> signups(Site site) {
        Catalog catalog = catalogs.of(site.key());
        String jurisdiction = site.defaultJurisdiction();
        return catalog.activitiesOf(site.key()).stream()
                .filter(activity -> activity.consent() != null && collectsEmail(catalog, activity))
                .map(activity -> new Signup(
                        site,
                        activity,
                        catalog.purposesOf(activity).stream()
                                .filter(purpose -> purpose.needsConsentIn(jurisdiction))
                                .toList(),
                        catalog.dataCategories().stream()
                                .filter(category ->
                                        category.fields().stream().anyMatch(field -> activity.collects(field.key())))
                                .map(DataCategory::key)
                                .toList(),
                        activity.consent().text().in(site.language())))
                .filter(signup -> !signup.purposes().isEmpty())
                .toList();
    }

    private static boolean collectsEmail(Catalog catalog, ProcessingActivity activity) {
        return activity.fields().stream()
                .flatMap(collected -> catalog.field(collected.field()).stream())
                .anyMatch(field -> field.type() == DataCategory.FieldType.EMAIL);
    }
}
