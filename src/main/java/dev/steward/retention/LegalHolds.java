package dev.steward.retention;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.CalendarDates;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal holds: staff keep a subject's records, or one record, past their due time. Placing and releasing a hold are
 * written to the audit trail. A hold on a whole subject reaches every site, so only staff who see every site place
 * one; staff scoped to sites hold single records of their sites.
 */
@Service
class LegalHolds {

    static final int MAX_REASON = 500;

    private final HoldRepository repository;
    private final Vault vault;
    private final AuditTrail audit;
    private final Clock clock;

    LegalHolds(HoldRepository repository, Vault vault, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** A hold that must last longer is placed again before it ends. */
    static final int LONGEST_YEARS = 100;

    @Transactional
    LegalHold place(HoldRequest request, Caller caller) {
        // lock first: a sweep batch erasing the record commits before validation looks for it, never after
        repository.lockForPlacing();
        Target target = validate(request, caller);
        Instant now = now();
        LocalDate until = CalendarDates.date(request.until().strip());
        LegalHold hold = new LegalHold(
                UUID.randomUUID(),
                target.subject(),
                target.record(),
                target.site(),
                request.reason().strip(),
                until,
                until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                caller.name(),
                now,
                null,
                null,
                null);
        repository.insert(hold);
        audit.record(new AuditEntry(
                caller.name(), "place-legal-hold", hold.subject().value(), hold.site(), List.of(), hold.reason()));
        return hold;
    }

    @Transactional
    LegalHold release(UUID id, @Nullable String reason, Caller caller) {
        LegalHold hold = visible(id, caller);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw new InvalidInputException(
                    FieldError.of("reason", "too-long", "error.retention.reason.too-long", MAX_REASON));
        }
        if (!repository.release(id, caller.name(), now(), why)) {
            throw new InvalidInputException(FieldError.of(null, "not-active", "error.retention.request.not-active"));
        }
        audit.record(new AuditEntry(
                caller.name(), "release-legal-hold", hold.subject().value(), hold.site(), List.of(), why));
        return repository.find(id).orElseThrow();
    }

    /** Holds in force (or, with {@code all}, the most recent ever placed) that the caller may see. */
    List<LegalHold> list(boolean all, Caller caller) {
        List<LegalHold> holds = all ? repository.recent(500) : repository.active(now());
        return holds.stream().filter(hold -> maySee(hold, caller)).toList();
    }

    LegalHold visible(UUID id, Caller caller) {
        return repository
                .find(id)
                .filter(hold -> maySee(hold, caller))
                .orElseThrow(() -> new NotFoundException("There is no legal hold " + id + "."));
    }

    /** The holds in force on the subject or any of their records. */
    List<LegalHold> activeOn(SubjectId subject) {
        Instant now = now();
        return repository.ofSubject(subject).stream()
                .filter(hold -> hold.activeAt(now))
                .toList();
    }

    /** Inside a sweep's batch transaction: waits for holds being placed, then answers what is held. */
    HoldRepository.HeldTargets lockForSweep(Instant now) {
        repository.lockForSweep();
        return repository.targets(now);
    }

    /**
     * A hold on a whole subject (no site) keeps their records on every site, so, like placing one, seeing or
     * releasing it is for staff of every site: a member of one site releasing it let the sweep erase another site's
     * held records.
     */
    private static boolean maySee(LegalHold hold, Caller caller) {
        return caller.maySee(hold.site());
    }

    private Target validate(HoldRequest request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        UUID subjectId = uuid(request.subject(), "subject", errors);
        UUID recordId = uuid(request.record(), "record", errors);
        boolean noSubject = isBlank(request.subject());
        boolean noRecord = isBlank(request.record());
        if (noSubject && noRecord) {
            errors.add(FieldError.of("subject", "required", "error.retention.subject.required"));
        } else if (!noSubject && !noRecord) {
            errors.add(FieldError.of("record", "conflict", "error.retention.record.conflict"));
        }
        validateReason(request.reason(), errors);
        validateUntil(request.until(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return recordId != null
                ? recordTarget(new RecordId(recordId), caller)
                : subjectTarget(new SubjectId(subjectId), caller);
    }

    private Target recordTarget(RecordId record, Caller caller) {
        RecordSummary summary = vault.record(record)
                .orElseThrow(() -> new InvalidInputException(
                        FieldError.of("record", "unknown", "error.retention.record.unknown")));
        if (!caller.maySee(summary.site())) {
            throw new InvalidInputException(FieldError.of("record", "unknown", "error.retention.record.unknown"));
        }
        return new Target(summary.subject(), record, summary.site());
    }

    private Target subjectTarget(SubjectId subject, Caller caller) {
        if (!vault.exists(subject)) {
            throw new InvalidInputException(FieldError.of("subject", "unknown", "error.retention.subject.unknown"));
        }
        if (!caller.sites().isEmpty()) {
            throw new InvalidInputException(FieldError.of("subject", "scope", "error.retention.subject.scope"));
        }
        return new Target(subject, null, null);
    }

    private static void validateReason(@Nullable String reason, List<FieldError> errors) {
        if (isBlank(reason)) {
            errors.add(FieldError.of("reason", "required", "error.retention.reason.required"));
        } else if (reason.strip().length() > MAX_REASON) {
            errors.add(FieldError.of("reason", "too-long", "error.retention.reason.too-long", MAX_REASON));
        }
    }

    private void validateUntil(@Nullable String until, List<FieldError> errors) {
        if (isBlank(until)) {
            errors.add(FieldError.of("until", "required", "error.retention.until.required"));
            return;
        }
        try {
            LocalDate last = CalendarDates.date(until.strip());
            LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
            if (!last.isAfter(today)) {
                errors.add(FieldError.of("until", "not-in-future", "error.retention.until.not-in-future"));
            } else if (last.isAfter(today.plusYears(LONGEST_YEARS))) {
                // a slip of the year (2207 for 2027), or "forever" written as 9999-12-31: both keep data past any law
                errors.add(FieldError.of("until", "too-far", "error.retention.until.too-far", LONGEST_YEARS));
            }
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("until", "invalid", "error.retention.until.invalid"));
        }
    }

    private static @Nullable UUID uuid(@Nullable String text, String field, List<FieldError> errors) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "invalid", "error.retention.field.invalid", field));
            return null;
        }
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Target(
            SubjectId subject,
            @Nullable RecordId record,
            @Nullable String site) {}
}
