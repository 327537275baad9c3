package dev.steward.retention;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.RetentionRule.Trigger;
import dev.steward.catalog.Span;
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
    private final Clock clock;

    DueTimes(Vault vault, RecordDueTimes dueTimes, RetentionRules rules, AuditTrail audit, Clock clock) {
        this.vault = vault;
        this.dueTimes = dueTimes;
        this.rules = rules;
        this.audit = audit;
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
     * own, such as the proof of a double opt-in), which has no consent event to end it.
     */
    @Transactional
    void subscriptionEnded(SubjectId subject, String site, String purpose, Instant at) {
        List<RecordSummary> subscribed = vault.records(subject).stream()
                .filter(record -> record.site().equals(site) && rules.triggeredBy(record, Trigger.UNSUBSCRIBED))
                .toList();
        if (subscribed.stream().noneMatch(record -> servesPurpose(record, purpose))) {
            return;
        }
        for (RecordSummary record : subscribed) {
            if (servesPurpose(record, purpose) || evidenceOfSubscription(record)) {
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
            throw new InvalidInputException("site", "unknown", "There is no site '" + site + "'.");
        }
        ProcessingActivity declared = rules.activity(site, activity)
                .orElseThrow(() -> new InvalidInputException(
                        "activity", "unknown", "Site '" + site + "' declares no activity '" + activity + "'."));
        RetentionRule rule = rules.of(site, declared.retention())
                .filter(r -> r.rule().trigger() == Trigger.PURPOSE_ENDED)
                .orElseThrow(() -> new InvalidInputException(
                        "activity",
                        "not-until-purpose-ends",
                        "Activity '" + activity + "' keeps its records under rule '" + declared.retention()
                                + "', which does not wait for its purpose to end."));
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

    private boolean evidenceOfSubscription(RecordSummary record) {
        return rules.activity(record.site(), record.activity())
                .map(activity -> activity.consent() == null)
                .orElse(false);
    }
}
