package dev.steward.rights;

import dev.steward.accounts.Accounts;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Site;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.mail.MailHistory;
import dev.steward.newsletter.NewsletterHistory;
import dev.steward.vault.Access;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
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
    private final NewsletterHistory newsletters;
    private final MailHistory mails;
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
            NewsletterHistory newsletters,
            MailHistory mails,
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
        this.newsletters = newsletters;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Everything held about the person for the site's controller: the subjects their proven address reaches, the
     * requester's first. {@code subject} in the export is the requester's pseudonymous id.
     */
    SubjectExport of(List<SubjectId> subjects, String site) {
        Catalog catalog = catalogs.of(site);
        Set<String> sites = sitesOf(catalog);
        Access access = Access.subject("access-request");
        return new SubjectExport(
                subjects.get(0).toString(),
                catalog.controllerOf(catalog.site(site).orElseThrow()).legalName(),
                clock.instant(),
                each(
                                subjects,
                                subject -> vault.identifiers(subject, access).stream()
                                        .map(identifier -> new SubjectExport.Identifier(
                                                identifier.kind().name().toLowerCase(), identifier.value())))
                        .distinct()
                        .toList(),
                each(subjects, subject -> records(subject, sites, catalog, access).stream())
                        .toList(),
                each(subjects, subject -> ledger.history(subject).stream())
                        .filter(e -> sites.contains(e.site()))
                        .map(event -> SubjectExport.Consent.of(
                                event, ledger.receipt(event.id()).orElse(null), ledger.evidence(event)))
                        .toList(),
                each(subjects, subject -> disclosures.recipientsOf(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(SubjectExport.Recipient::of)
                        .toList(),
                each(subjects, subject -> disclosures.of(subject).stream())
                        .filter(d -> sites.contains(d.site()))
                        .map(SubjectExport.Disclosed::of)
                        .toList(),
                each(subjects, subject -> requests.of(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(request -> SubjectExport.Request.of(request, requestRecords.history(request)))
                        .toList(),
                each(subjects, subject -> restrictions.of(subject).stream())
                        .filter(r -> sites.contains(r.site()))
                        .map(SubjectExport.Restricted::of)
                        .toList(),
                each(subjects, subject -> statements.of(subject).stream())
                        .filter(statement -> sites.contains(statement.site()))
                        .toList(),
                each(subjects, subject -> accounts.heldBy(subject).stream())
                        .filter(account -> sites.contains(account.site()))
                        .toList(),
                newsletters.of(subjects, sites),
                mails.toSubjects(subjects, sites).stream()
                        .map(SubjectExport.Mail::of)
                        .toList());
    }

    private static <T> Stream<T> each(List<SubjectId> subjects, Function<SubjectId, Stream<T>> of) {
        return subjects.stream().flatMap(of);
    }

    /** What the subject provided on consent or contract (GDPR Art. 20): typed fields only, per record. */
    List<SubjectExport.Record> provided(List<SubjectId> subjects, String site) {
        Catalog catalog = catalogs.of(site);
        return each(
                        subjects,
                        subject -> records(subject, sitesOf(catalog), catalog, Access.subject("portability")).stream())
                .filter(record -> portable(catalog, record))
                .map(record -> record.withFields(typedOnly(catalog, record.fields())))
                .toList();
    }

    private List<SubjectExport.Record> records(SubjectId subject, Set<String> sites, Catalog catalog, Access access) {
        return vault.records(subject).stream()
                .filter(record -> sites.contains(record.site()))
                .map(record -> SubjectExport.Record.of(record, catalog, vault.fields(record.id(), access)))
                .toList();
    }

    private static boolean portable(Catalog catalog, SubjectExport.Record record) {
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
