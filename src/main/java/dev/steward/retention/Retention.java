package dev.steward.retention;

import dev.steward.catalog.RetentionRule;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules ask of retention. The rights module asks, before erasing on request, what keeps a subject's
 * records: legal holds and statutory minimums override early erasure, and the answer says why.
 */
@Service
public class Retention {

    private final Vault vault;
    private final LegalHolds holds;
    private final RetentionRules rules;
    private final Clock clock;

    Retention(Vault vault, LegalHolds holds, RetentionRules rules, Clock clock) {
        this.vault = vault;
        this.holds = holds;
        this.rules = rules;
        this.clock = clock;
    }

    /** Everything that keeps any of the subject's records from being erased now; empty when nothing does. */
    public List<Blocker> blockers(SubjectId subject) {
        Instant now = clock.instant();
        List<LegalHold> held = holds.activeOn(subject);
        List<Blocker> blockers = new ArrayList<>();
        for (RecordSummary record : vault.records(subject)) {
            held.stream()
                    .filter(hold -> hold.covers(record))
                    .forEach(hold -> blockers.add(new Blocker(
                            record.id(),
                            record.site(),
                            record.activity(),
                            Blocker.Kind.LEGAL_HOLD,
                            hold.reason(),
                            hold.endsAt())));
            Instant statutoryEnd = rules.statutoryEnd(record);
            if (statutoryEnd != null && statutoryEnd.isAfter(now)) {
                blockers.add(new Blocker(
                        record.id(),
                        record.site(),
                        record.activity(),
                        Blocker.Kind.STATUTORY_MINIMUM,
                        statutoryReason(record),
                        statutoryEnd));
            }
        }
        return List.copyOf(blockers);
    }

    private String statutoryReason(RecordSummary record) {
        RetentionRule rule = rules.of(record).orElseThrow();
        return rule.statutoryReason() != null
                ? rule.statutoryReason()
                : "The law requires keeping these records at least " + rule.statutoryMinimum() + " after collection.";
    }
}
