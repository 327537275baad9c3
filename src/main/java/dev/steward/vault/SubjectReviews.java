package dev.steward.vault;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Catalogs;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subjects that Steward joined, before identities had to be proven, through an identifier nobody proved (two people who
 * typed the same phone number, an address typed by someone else): they hold two identifiers of one kind. Until staff
 * review one, no proof of any of its identifiers reaches it. Staff either confirm that it is one person, or split it:
 * each record goes to a subject of the e-mail address it was submitted with.
 */
@Service
public class SubjectReviews {

    private static final Access SPLITTING = Access.system("split-subject");

    private final SubjectReviewRepository reviews;
    private final VaultRepository subjects;
    private final Identities identities;
    private final SubjectKeys keys;
    private final Vault vault;
    private final FieldsJson json;
    private final Catalogs catalogs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubjectReviews(
            SubjectReviewRepository reviews,
            VaultRepository subjects,
            Identities identities,
            SubjectKeys keys,
            Vault vault,
            FieldsJson json,
            Catalogs catalogs,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reviews = reviews;
        this.subjects = subjects;
        this.identities = identities;
        this.keys = keys;
        this.vault = vault;
        this.json = json;
        this.catalogs = catalogs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A subject waiting for review: when it was created, why, the sites of its records, and their count. */
    public record ReviewCase(
            SubjectId subject, Instant createdAt, String reason, List<String> sites, int records, int addresses) {}

    public List<ReviewCase> pending() {
        return reviews.pending();
    }

    /** Whether the subject waits for review: no proof reaches it, and nothing may be done on one address's word. */
    public boolean awaitsReview(SubjectId subject) {
        return reviews.underReview(subject);
    }

    /** Staff found that the subject is one person after all: proofs reach it again. */
    @Transactional
    public void confirmOnePerson(SubjectId subject, String staff, String reason) {
        requireUnderReview(subject);
        if (reason.isBlank()) {
            throw new InvalidInputException(FieldError.of("reason", "required", "error.vault.reason.required"));
        }
        reviews.clear(subject);
        audit.record(new AuditEntry(staff, "confirm-one-person", subject.value(), null, List.of(), reason));
    }

    /**
     * Gives every record to a subject of the e-mail address it was submitted with; the records of the oldest address,
     * and those without any, stay. Answers the new subjects. Consent events stay where they were recorded: the ledger
     * is never rewritten.
     */
    @Transactional
    public List<SubjectId> split(SubjectId subject, String staff) {
        requireUnderReview(subject);
        Map<String, List<RecordSummary>> byAddress = new LinkedHashMap<>();
        for (RecordSummary record : vault.records(subject)) {
            addressOf(record)
                    .ifPresent(address -> byAddress
                            .computeIfAbsent(address, key -> new ArrayList<>())
                            .add(record));
        }
        List<SubjectId> created = new ArrayList<>();
        byAddress.entrySet().stream().skip(1).forEach(group -> created.add(move(subject, group.getValue())));
        reviews.clear(subject);
        audit.record(AuditEntry.worded(
                staff, "split-subject", subject.value(), null, List.of(), "subjects-split", created.size()));
        return created;
    }

    private SubjectId move(SubjectId from, List<RecordSummary> records) {
        List<ClaimedIdentifier> claimed = new ArrayList<>();
        Map<RecordSummary, Map<String, String>> fields = new LinkedHashMap<>();
        for (RecordSummary record : records) {
            Map<String, String> values = vault.fields(record.id(), SPLITTING);
            fields.put(record, values);
            claimed.addAll(identifiersIn(record.site(), values));
        }
        List<ClaimedIdentifier> distinct = claimed.stream().distinct().toList();
        SubjectId to = identities.newSubject(distinct);
        var key = keys.of(to).orElseThrow();
        fields.forEach((record, values) -> subjects.moveRecord(
                record.id(),
                to,
                Ciphertexts.encrypt(key, json.write(values), Ciphertexts.recordContext(record.id(), to))));
        distinct.stream()
                .map(ClaimedIdentifier::identifier)
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .forEach(identifier -> identities.remove(from, identifier));
        events.publishEvent(new SubjectSplit(
                from, to, records.stream().map(RecordSummary::id).toList(), clock.instant()));
        return to;
    }

    /** The e-mail address the record was submitted with, normalised, if its activity collects one. */
    private Optional<String> addressOf(RecordSummary record) {
        Map<String, String> values = vault.fields(record.id(), SPLITTING);
        return identifiersIn(record.site(), values).stream()
                .map(ClaimedIdentifier::identifier)
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .map(Identifier::value)
                .findFirst();
    }

    private List<ClaimedIdentifier> identifiersIn(String site, Map<String, String> values) {
        List<ClaimedIdentifier> found = new ArrayList<>();
        values.forEach((key, value) -> catalogs.of(site)
                .field(key)
                .flatMap(field -> ClaimedIdentifier.of(field, value))
                .ifPresent(found::add));
        return found;
    }

    private void requireUnderReview(SubjectId subject) {
        if (!reviews.underReview(subject)) {
            throw new NotFoundException("There is no subject " + subject + " waiting for review.");
        }
    }
}
