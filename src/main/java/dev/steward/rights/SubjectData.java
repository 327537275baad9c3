package dev.steward.rights;

import dev.steward.accounts.AccountSummary;
import dev.steward.accounts.Accounts;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Site;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.disclosures.Disclosure;
import dev.steward.disclosures.Disclosures;
import dev.steward.vault.Access;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Everything Steward holds about a person for one controller (the sites of the catalog the request came through),
 * decrypted for the subject themselves: identifiers, records, consents with their history and signed receipts,
 * disclosures and recipients, requests and restrictions, of every subject the person's proven address reaches.
 * Nothing of any other subject, nothing of another controller.
 */
@Component
class SubjectData {

    private final Catalogs catalogs;
    private final Vault vault;
    private final ConsentLedger ledger;
    private final Disclosures disclosures;
    private final RequestRepository requests;
    private final RequestRecords requestRecords;
    private final RestrictionRepository restrictions;
    private final Statements statements;
    private final Accounts accounts;
    private final Clock clock;

    SubjectData(
            Catalogs catalogs,
            Vault vault,
            ConsentLedger ledger,
            Disclosures disclosures,
            RequestRepository requests,
            RequestRecords requestRecords,
            RestrictionRepository restrictions,
            Statements statements,
            Accounts accounts,
            Clock clock) {
        this.catalogs = catalogs;
        this.vault = vault;
        this.ledger = ledger;
        this.disclosures = disclosures;
        this.requests = requests;
        this.requestRecords = requestRecords;
        this.restrictions = restrictions;
        this.statements = statements;
        this.accounts = accounts;
        this.clock = clock;
    }

    record Export(
            String subject,
            String controller,
            Instant exportedAt,
            List<Identifier> identifiers,
            List<Record> records,
            List<Consent> consents,
            List<Recipient> recipients,
            List<Disclosed> disclosures,
            List<Request> requests,
            List<Restricted> restrictions,
            List<Statements.Statement> statements,
            List<AccountSummary> accounts) {}

    record Identifier(String kind, String value) {}

    record Record(
            String id,
            String site,
            String activity,
            String activityName,
            String collectedAt,
            String noticeVersion,
            String legalBasis,
            String state,
            @Nullable String dueAt,
            Map<String, String> fields) {}

    record Consent(
            String id,
            String site,
            String purpose,
            String action,
            String occurredAt,
            String noticeVersion,
            String method,
            String jurisdiction,
            boolean byParent,
            @Nullable String receipt,
            @Nullable String ipAddress,
            @Nullable String userAgent) {}

    record Recipient(
            String site,
            String recipient,
            String name,
            @Nullable String country,
            List<String> categories,
            String firstDisclosedAt,
            String lastDisclosedAt) {}

    record Disclosed(String site, String recipient, String activity, List<String> categories, String disclosedAt) {}

    record Request(
            String id,
            String site,
            String type,
            String status,
            String createdAt,
            @Nullable String outcome,
            List<RequestEvent> history) {}

    record Restricted(
            String site,
            String ground,
            String since,
            @Nullable String liftedAt) {}

    /**
     * Everything held about the person for the site's controller: the subjects their proven address reaches, the
     * requester's first. {@code subject} in the export is the requester's pseudonymous id.
     */
    Export of(List<SubjectId> subjects, String site) {
        Catalog catalog = catalogs.of(site);
        Set<String> sites = sitesOf(catalog);
        Access access = Access.subject("access-request");
        return new Export(
                subjects.get(0).toString(),
                catalog.controllerOf(catalog.site(site).orElseThrow()).legalName(),
                clock.instant(),
                each(
                                subjects,
                                subject -> vault.identifiers(subject, access).stream()
                                        .map(identifier -> new Identifier(
                                                identifier.kind().name().toLowerCase(), identifier.value())))
                        .distinct()
                        .toList(),
                each(subjects, subject -> records(subject, sites, catalog, access).stream())
                        .toList(),
                each(subjects, subject -> ledger.history(subject).stream())
                        .filter(e -> sites.contains(e.site()))
                        .map(this::consent)
                        .toList(),
                each(subjects, subject -> disclosures.recipientsOf(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(SubjectData::recipient)
                        .toList(),
                each(subjects, subject -> disclosures.of(subject).stream())
                        .filter(d -> sites.contains(d.site()))
                        .map(SubjectData::disclosed)
                        .toList(),
                each(subjects, subject -> requests.of(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(this::request)
                        .toList(),
                each(subjects, subject -> restrictions.of(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(SubjectData::restricted)
                        .toList(),
                each(subjects, subject -> statements.of(subject).stream())
                        .filter(statement -> sites.contains(statement.site()))
                        .toList(),
                each(subjects, subject -> accounts.heldBy(subject).stream())
                        .filter(account -> sites.contains(account.site()))
                        .toList());
    }

    private static <T> Stream<T> each(List<SubjectId> subjects, Function<SubjectId, Stream<T>> of) {
        return subjects.stream().flatMap(of);
    }

    /** What the subject provided on consent or contract (GDPR Art. 20): typed fields only, per record. */
    List<Record> provided(List<SubjectId> subjects, String site) {
        Catalog catalog = catalogs.of(site);
        return each(
                        subjects,
                        subject -> records(subject, sitesOf(catalog), catalog, Access.subject("portability")).stream())
                .filter(record -> portable(catalog, record))
                .map(record -> new Record(
                        record.id(),
                        record.site(),
                        record.activity(),
                        record.activityName(),
                        record.collectedAt(),
                        record.noticeVersion(),
                        record.legalBasis(),
                        record.state(),
                        record.dueAt(),
                        typedOnly(catalog, record.fields())))
                .toList();
    }

    private List<Record> records(SubjectId subject, Set<String> sites, Catalog catalog, Access access) {
        return vault.records(subject).stream()
                .filter(record -> sites.contains(record.site()))
                .map(record -> record(record, catalog, vault.fields(record.id(), access)))
                .toList();
    }

    private static Record record(RecordSummary record, Catalog catalog, Map<String, String> fields) {
        String name = catalog.activity(record.activity())
                .map(a -> a.name().toString())
                .orElse(record.activity());
        return new Record(
                record.id().toString(),
                record.site(),
                record.activity(),
                name,
                record.collectedAt().toString(),
                record.noticeVersion(),
                record.legalBasis(),
                record.state().name().toLowerCase(),
                record.dueAt() == null ? null : record.dueAt().toString(),
                new LinkedHashMap<>(fields));
    }

    /**
     * An action with the connection kept as its evidence (seed 001 §3.4: the IP address and time of registration and
     * of confirmation, kept to prove it), decrypted for the person it concerns.
     */
    private Consent consent(ConsentEvent event) {
        Optional<ConsentLedger.Evidence> evidence = ledger.evidence(event);
        return new Consent(
                event.id().toString(),
                event.site(),
                event.purpose(),
                event.action().key(),
                event.occurredAt().toString(),
                event.noticeVersion(),
                event.method(),
                event.jurisdiction(),
                event.byParent(),
                ledger.receipt(event.id()).orElse(null),
                evidence.map(ConsentLedger.Evidence::ipAddress).orElse(null),
                evidence.map(ConsentLedger.Evidence::userAgent).orElse(null));
    }

    private static Recipient recipient(DisclosedRecipient recipient) {
        return new Recipient(
                recipient.site(),
                recipient.recipient(),
                recipient.name(),
                recipient.country(),
                recipient.categories(),
                recipient.firstDisclosedAt().toString(),
                recipient.lastDisclosedAt().toString());
    }

    private static Disclosed disclosed(Disclosure disclosure) {
        return new Disclosed(
                disclosure.site(),
                disclosure.recipient(),
                disclosure.activity(),
                disclosure.categories(),
                disclosure.disclosedAt().toString());
    }

    private Request request(RightsRequest request) {
        return new Request(
                request.id().toString(),
                request.site(),
                request.typeKey(),
                request.status().key(),
                request.createdAt().toString(),
                request.outcome(),
                requestRecords.history(request));
    }

    private static Restricted restricted(Restriction restriction) {
        return new Restricted(
                restriction.site(),
                restriction.ground(),
                restriction.since().toString(),
                restriction.liftedAt() == null ? null : restriction.liftedAt().toString());
    }

    private static boolean portable(Catalog catalog, Record record) {
        ProcessingActivity activity = catalog.activity(record.activity()).orElse(null);
        return activity != null
                && catalog.purposesOf(activity).stream()
                        .flatMap(purpose ->
                                purpose.legalBasis().values().stream().flatMap(List::stream))
                        .anyMatch(basis -> basis.isConsent() || basis == LegalBasis.GDPR_6_1_B);
    }

    private static Map<String, String> typedOnly(Catalog catalog, Map<String, String> fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            boolean byVisitor = catalog.field(key)
                    .map(DataCategory.Field::type)
                    .map(DataCategory.FieldType::isTypedByVisitor)
                    .orElse(false);
            if (byVisitor) {
                typed.put(key, value);
            }
        });
        return typed;
    }

    static Set<String> sitesOf(Catalog catalog) {
        return catalog.sites().stream().map(Site::key).collect(java.util.stream.Collectors.toSet());
    }
}
