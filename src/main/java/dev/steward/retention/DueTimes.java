package dev.steward.retention;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.RetentionRule.Trigger;
import dev.steward.catalog.Span;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes event-based retention rules concrete: when the event a rule waits for happens, the records it applies to get
 * their due time (the event plus the rule's delay, never before the end of a statutory minimum).
 */
@Service
class DueTimes {

    private static final Logger log = LoggerFactory.getLogger(DueTimes.class);

    private final Vault vault;
    private final RecordDueTimes dueTimes;
    private final RetentionRules rules;
    private final AuditTrail audit;
    private final ConsentLedger ledger;
    private final Clock clock;

    DueTimes(
            Vault vault,
            RecordDueTimes dueTimes,
            RetentionRules rules,
            AuditTrail audit,
            ConsentLedger ledger,
            Clock clock) {
        this.vault = vault;
        this.dueTimes = dueTimes;
        this.rules = rules;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A case was closed: its record is closed and due the rule's delay after closing ({@code case-closed + P30D}). */
    @Transactional
    void caseClosed(RecordId record, Instant closedAt) {
        vault.record(record).ifPresent(summary -> {
            Instant due = rules.triggeredBy(summary, Trigger.CASE_CLOSED)
                    ? rules.notBeforeStatute(summary, span(summary).addTo(closedAt))
                    : summary.dueAt();
            dueTimes.changeState(record, RecordState.CLOSED, due);
        });
    }

    /**
     * An account holder used their account: their records of the site's {@code account-inactive} activities are due
     * one inactivity period from now, pushed forward on every use (never back, should uses arrive out of order).
     */
    @Transactional
    void accountUsed(SubjectId subject, String site, Instant at) {
        for (RecordSummary record : vault.records(subject)) {
            if (record.site().equals(site) && rules.triggeredBy(record, Trigger.ACCOUNT_INACTIVE)) {
                Instant due = rules.notBeforeStatute(record, span(record).addTo(at));
                if (record.dueAt() == null || due.isAfter(record.dueAt())) {
                    dueTimes.changeState(record.id(), record.state(), due);
                }
            }
        }
    }

    /**
     * A person withdrew, let lapse or objected to consent for a purpose: their records of the site's
     * {@code while-subscribed} activities that serve the purpose are closed and due the rule's delay afterwards. So is
     * what was kept only as evidence of that subscription (a {@code while-subscribed} activity without a consent of its
     * own, such as the proof of a double opt-in), which has no consent event to end it. A record whose activity serves
     * another list the person still receives stays: leaving the newsletter and keeping the group promotions (seed 001
     * §3.4, which the unsubscribe page offers) leaves them subscribed, and their data is kept "as long as you stay
     * subscribed".
     */
    @Transactional
    void subscriptionEnded(SubjectId subject, String site, String purpose, Instant at) {
        List<RecordSummary> subscribed = vault.records(subject).stream()
                .filter(record -> record.site().equals(site) && rules.triggeredBy(record, Trigger.UNSUBSCRIBED))
                .toList();
        List<RecordSummary> ended = subscribed.stream()
                .filter(record -> servesPurpose(record, purpose) && !stillSubscribed(subject, record, purpose, at))
                .toList();
        if (ended.isEmpty()) {
            return;
        }
        for (RecordSummary record : subscribed) {
            if (ended.contains(record) || evidenceOfSubscription(record)) {
                Instant due = rules.notBeforeStatute(record, span(record).addTo(at));
                if (record.dueAt() == null || due.isBefore(record.dueAt())) {
                    dueTimes.changeState(record.id(), RecordState.CLOSED, due);
                }
            }
        }
    }

    /**
     * Staff declared the purpose of an {@code until-purpose-ends} activity ended: its records are due now (plus the
     * rule's delay, if any). The declaration goes into the audit trail under the staff member's name. Answers how many
     * records were closed.
     */
    @Transactional
    int purposeEnded(String site, String activity, String declaredBy) {
        if (rules.sites().stream().noneMatch(declaredSite -> declaredSite.key().equals(site))) {
            throw new InvalidInputException(FieldError.of("site", "unknown", "error.common.site.unknown", site));
        }
        ProcessingActivity declared = rules.activity(site, activity)
                .orElseThrow(() -> new InvalidInputException(
                        FieldError.of("activity", "unknown", "error.common.activity.unknown", site, activity)));
        RetentionRule rule = rules.of(site, declared.retention())
                .filter(r -> r.rule().trigger() == Trigger.PURPOSE_ENDED)
                .orElseThrow(() -> new InvalidInputException(FieldError.of(
                        "activity",
                        "not-until-purpose-ends",
                        "error.retention.activity.not-until-purpose-ends",
                        activity,
                        declared.retention())));
        Instant due = rule.rule().span().addTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
        int closed = dueTimes.closeActivity(site, activity, due, rule.statutoryMinimum());
        audit.record(AuditEntry.worded(declaredBy, "end-purpose", null, site, List.of(), "activity", activity));
        log.info("The purpose of activity '{}' of site '{}' ended: {} records closed", activity, site, closed);
        return closed;
    }

    private Span span(RecordSummary record) {
        return rules.of(record).orElseThrow().rule().span();
    }

    private boolean servesPurpose(RecordSummary record, String purpose) {
        return rules.activity(record.site(), record.activity())
                .map(activity -> activity.purposes().contains(purpose))
                .orElse(false);
    }

    /**
     * Whether the person, having left the direct-marketing purpose {@code ended}, still receives another list the
     * record's activity serves: their own latest word on it lets it go on (confirmed, where it needs a double opt-in).
     * Leaving a purpose that is not a list (the transfer the data's hosting rests on) ends the subscription whatever.
     */
    private boolean stillSubscribed(SubjectId subject, RecordSummary record, String ended, Instant at) {
        if (!isList(record.site(), ended)) {
            return false;
        }
        return rules.activity(record.site(), record.activity()).stream()
                .flatMap(activity -> activity.purposes().stream())
                .filter(other -> !other.equals(ended) && isList(record.site(), other))
                .anyMatch(other -> ledger.decidingEventAt(subject, record.site(), other, at)
                        .filter(event -> receives(record.site(), other, event.action()))
                        .isPresent());
    }

    private boolean isList(String site, String purpose) {
        return rules.purpose(site, purpose).map(Purpose::directMarketing).orElse(false);
    }

    private boolean receives(String site, String purpose, ConsentAction action) {
        boolean confirmedOnly =
                rules.purpose(site, purpose).map(Purpose::doubleOptIn).orElse(false);
        return action.grants() && !(confirmedOnly && action == ConsentAction.GIVEN);
    }

    private boolean evidenceOfSubscription(RecordSummary record) {
        return rules.activity(record.site(), record.activity())
                .map(activity -> activity.consent() == null)
                .orElse(false);
    }
}
