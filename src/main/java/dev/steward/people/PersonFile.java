package dev.steward.people;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.LegalBasis;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.mail.MailHistory;
import dev.steward.people.PersonPage.ConsentLine;
import dev.steward.people.PersonPage.DisclosureLine;
import dev.steward.people.PersonPage.HoldLine;
import dev.steward.people.PersonPage.IdentifierLine;
import dev.steward.people.PersonPage.MailLine;
import dev.steward.people.PersonPage.RecordLine;
import dev.steward.people.PersonPage.RequestLine;
import dev.steward.platform.ConsoleWords;
import dev.steward.rights.RequestInWords;
import dev.steward.rights.RightsRequest;
import dev.steward.rights.SubjectRequests;
import dev.steward.staff.Caller;
import dev.steward.vault.Access;
import dev.steward.vault.ErasureBlockers;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers one data subject's file for the person view from the modules that hold its parts. A member limited to some
 * sites sees the parts of those sites only, and a subject with nothing on them is not found at all; opening the file
 * is written to the audit trail (the identifiers' decryption by the vault as well).
 */
@Service
class PersonFile {

    private final Vault vault;
    private final ConsentLedger consents;
    private final Disclosures disclosures;
    private final SubjectRequests requests;
    private final MailHistory mails;
    private final ErasureBlockers blockers;
    private final AuditTrail audit;
    private final CatalogWords words;
    private final RequestInWords requestWords;
    private final Clock clock;

    private final ConsoleWords console;
    private final SiteIdentifiers siteIdentifiers;

    PersonFile(
            ConsoleWords console,
            Vault vault,
            ConsentLedger consents,
            Disclosures disclosures,
            SubjectRequests requests,
            MailHistory mails,
            ErasureBlockers blockers,
            AuditTrail audit,
            CatalogWords words,
            RequestInWords requestWords,
            SiteIdentifiers siteIdentifiers,
            Clock clock) {
        this.console = console;
        this.siteIdentifiers = siteIdentifiers;
        this.vault = vault;
        this.consents = consents;
        this.disclosures = disclosures;
        this.requests = requests;
        this.mails = mails;
        this.blockers = blockers;
        this.audit = audit;
        this.words = words;
        this.requestWords = requestWords;
        this.clock = clock;
    }

    /** The sites of the caller's on which the subject has records, consents or requests. */
    Set<String> sitesOf(SubjectId subject, Caller staff) {
        Set<String> sites = new TreeSet<>();
        Stream.of(
                        vault.records(subject).stream().map(RecordSummary::site),
                        consents.history(subject).stream().map(ConsentEvent::site),
                        requests.of(subject, staff).stream().map(RightsRequest::site))
                .flatMap(s -> s)
                .filter(staff::maySee)
                .forEach(sites::add);
        return sites;
    }

    @Transactional
    Optional<PersonPage> open(SubjectId subject, Caller staff) {
        Set<String> sites = sitesOf(subject, staff);
        if (sites.isEmpty()) {
            return Optional.empty();
        }
        audit.record(new AuditEntry(
                staff.name(),
                "read-person",
                subject.value(),
                sites.size() == 1 ? sites.iterator().next() : null,
                List.of("records", "consents", "disclosures", "requests", "mails", "holds"),
                null));
        return Optional.of(new PersonPage(
                subject,
                identifiers(subject, staff),
                !staff.sites().isEmpty(),
                records(subject, staff),
                consentLines(subject, staff),
                disclosureLines(subject, staff),
                requestLines(subject, staff),
                mailLines(subject, staff),
                holds(subject, staff)));
    }

    private List<IdentifierLine> identifiers(SubjectId subject, Caller staff) {
        List<HeldIdentifier> held = vault.heldIdentifiers(subject, Access.staff(staff.name(), "read-person", null));
        return siteIdentifiers.visible(subject, held, staff).stream()
                .map(this::identifierLine)
                .toList();
    }

    private IdentifierLine identifierLine(HeldIdentifier held) {
        String kind =
                console.get("console.identifier." + held.identifier().kind().name());
        return new IdentifierLine(kind, held.identifier().value(), held.provenAt(), held.links());
    }

    private List<RecordLine> records(SubjectId subject, Caller staff) {
        return vault.records(subject).stream()
                .filter(record -> staff.maySee(record.site()))
                .map(record -> new RecordLine(
                        record.id().toString(),
                        words.site(record.site()),
                        words.activity(record.site(), record.activity()),
                        legalBasis(record.legalBasis()),
                        record.collectedAt(),
                        console.get("console.recordState." + record.state().name()),
                        words.retentionRule(record.site(), record.retentionRule()),
                        record.dueAt()))
                .toList();
    }

    /** The legal basis in the staff member's words, with the article it rests on. */
    private String legalBasis(@Nullable String key) {
        return Arrays.stream(LegalBasis.values())
                .filter(basis -> basis.key().equals(key))
                .findFirst()
                .map(basis -> console.get("console.basis." + basis.key()) + " (" + basis.citation() + ")")
                .orElse(key == null ? "" : key);
    }

    private List<ConsentLine> consentLines(SubjectId subject, Caller staff) {
        return consents.history(subject).stream()
                .filter(event -> staff.maySee(event.site()))
                .sorted(Comparator.comparing(ConsentEvent::occurredAt).reversed())
                .map(event -> new ConsentLine(
                        words.site(event.site()),
                        words.purpose(event.site(), event.purpose()),
                        console.get(
                                event.byParent() ? "console.consentAction.byParent" : "console.consentAction",
                                console.get("console.consentAction."
                                        + event.action().name())),
                        CollectionMethod.ofKey(event.method())
                                .map(method -> console.get("console.method." + method.name()))
                                .orElse(event.method()),
                        event.occurredAt(),
                        event.receiptPath()))
                .toList();
    }

    private List<DisclosureLine> disclosureLines(SubjectId subject, Caller staff) {
        return disclosures.of(subject).stream()
                .filter(disclosure -> staff.maySee(disclosure.site()))
                .map(disclosure -> new DisclosureLine(
                        words.site(disclosure.site()),
                        words.recipient(disclosure.site(), disclosure.recipient()),
                        words.activity(disclosure.site(), disclosure.activity()),
                        disclosure.disclosedAt()))
                .toList();
    }

    private List<RequestLine> requestLines(SubjectId subject, Caller staff) {
        Instant now = clock.instant();
        return requests.of(subject, staff).stream()
                .map(request -> new RequestLine(
                        request.id().toString(),
                        words.site(request.site()),
                        requestWords.right(request.type()),
                        requestWords.standing(request, now),
                        request.createdAt()))
                .toList();
    }

    private List<MailLine> mailLines(SubjectId subject, Caller staff) {
        return mails.of(subject, staff).stream()
                .map(mail -> new MailLine(
                        words.site(mail.site()),
                        mail.kind(),
                        words.purpose(mail.site(), mail.purpose()),
                        mail.status(),
                        mail.queuedAt(),
                        mail.sentAt()))
                .toList();
    }

    private List<HoldLine> holds(SubjectId subject, Caller staff) {
        return blockers.blockers(subject).stream()
                .filter(blocker -> staff.maySee(blocker.site()))
                .map(blocker -> new HoldLine(
                        words.site(blocker.site()),
                        words.activity(blocker.site(), blocker.activity()),
                        console.get("console.blocker." + blocker.kind().name()),
                        staff.sites().isEmpty() || blocker.reasonForStaffOfSomeSites()
                                ? blocker.reason()
                                : console.get("console.blocker.wholeSubject"),
                        blocker.until()))
                .toList();
    }
}
