package dev.steward.people;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
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
import dev.steward.rights.RequestInWords;
import dev.steward.rights.RightsRequest;
import dev.steward.rights.SubjectRequests;
import dev.steward.staff.Caller;
import dev.steward.vault.Access;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.ErasureBlockers;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
    private final Clock clock;

    PersonFile(
            Vault vault,
            ConsentLedger consents,
            Disclosures disclosures,
            SubjectRequests requests,
            MailHistory mails,
            ErasureBlockers blockers,
            AuditTrail audit,
            CatalogWords words,
            Clock clock) {
        this.vault = vault;
        this.consents = consents;
        this.disclosures = disclosures;
        this.requests = requests;
        this.mails = mails;
        this.blockers = blockers;
        this.audit = audit;
        this.words = words;
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
                records(subject, staff),
                consentLines(subject, staff),
                disclosureLines(subject, staff),
                requestLines(subject, staff),
                mailLines(subject, staff),
                holds(subject, staff)));
    }

    private List<IdentifierLine> identifiers(SubjectId subject, Caller staff) {
        return vault.heldIdentifiers(subject, Access.staff(staff.name(), "read-person", null)).stream()
                .map(PersonFile::identifierLine)
                .toList();
    }

    private static IdentifierLine identifierLine(HeldIdentifier held) {
        String kind = switch (held.identifier().kind()) {
            case EMAIL -> "E-mail address";
            case USERNAME -> "User name";
            case PHONE -> "Phone number";
        };
        return new IdentifierLine(kind, held.identifier().value(), held.provenAt(), held.links());
    }

    private List<RecordLine> records(SubjectId subject, Caller staff) {
        return vault.records(subject).stream()
                .filter(record -> staff.maySee(record.site()))
                .map(record -> new RecordLine(
                        record.id().toString(),
                        words.site(record.site()),
                        words.activity(record.site(), record.activity()),
                        CatalogWords.legalBasis(record.legalBasis()),
                        record.collectedAt(),
                        switch (record.state()) {
                            case ACTIVE -> "In use";
                            case AWAITING_PARENT -> "Held until a parent confirms";
                            case CLOSED -> "Purpose done, kept until erased";
                        },
                        words.retentionRule(record.site(), record.retentionRule()),
                        record.dueAt()))
                .toList();
    }

    private List<ConsentLine> consentLines(SubjectId subject, Caller staff) {
        return consents.history(subject).stream()
                .filter(event -> staff.maySee(event.site()))
                .sorted(Comparator.comparing(ConsentEvent::occurredAt).reversed())
                .map(event -> new ConsentLine(
                        words.site(event.site()),
                        words.purpose(event.site(), event.purpose()),
                        event.byParent()
                                ? event.action().label() + " (by a parent or guardian)"
                                : event.action().label(),
                        CollectionMethod.ofKey(event.method())
                                .map(CollectionMethod::label)
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
                        RequestInWords.right(request.type()),
                        RequestInWords.standing(request, now),
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
                        blocker.kind() == ErasureBlocker.Kind.LEGAL_HOLD ? "Legal hold" : "Kept by law",
                        blocker.reason(),
                        blocker.until()))
                .toList();
    }
}
