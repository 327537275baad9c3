package dev.steward.retention;

import dev.steward.catalog.RetentionRule;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.ErasureBlockers;
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
public class Retention implements ErasureBlockers {

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

    @Override
    public List<ErasureBlocker> blockers(SubjectId subject) {
        Instant now = clock.instant();
        List<LegalHold> held = holds.activeOn(subject);
        List<ErasureBlocker> blockers = new ArrayList<>();
        for (RecordSummary record : vault.records(subject)) {
            held.stream()
                    .filter(hold -> hold.covers(record))
                    .forEach(hold -> blockers.add(new ErasureBlocker(
                            record.id(),
                            record.site(),
                            record.activity(),
                            ErasureBlocker.Kind.LEGAL_HOLD,
                            hold.reason(),
                            hold.endsAt(),
                            hold.record() == null)));
            Instant statutoryEnd = rules.statutoryEnd(record);
            if (statutoryEnd != null && statutoryEnd.isAfter(now)) {
                blockers.add(new ErasureBlocker(
                        record.id(),
                        record.site(),
                        record.activity(),
                        ErasureBlocker.Kind.STATUTORY_MINIMUM,
                        statutoryReason(record),
                        statutoryEnd,
                        false));
            }
        }
        return List.copyOf(blockers);
    }

    @Override
    public boolean holdsSubject(SubjectId subject) {
        return holds.activeOn(subject).stream().anyMatch(hold -> hold.record() == null);
    }

    private String statutoryReason(RecordSummary record) {
        RetentionRule rule = rules.of(record).orElseThrow();
        return rule.statutoryReason() != null
                ? rule.statutoryReason().toString()
                : "The law requires keeping these records at least " + rule.statutoryMinimum() + " after collection.";
    }
}
