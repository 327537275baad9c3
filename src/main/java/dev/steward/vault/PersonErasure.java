package dev.steward.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases, at the person's wish, what one controller holds about them: every record on the controller's sites of every
 * subject their proof reaches, except what a legal hold or a statutory minimum keeps. A subject left with nothing
 * anywhere, and not held, goes altogether (key and identifiers), its identifiers first onto the suppression list
 * where asked, so that no import or campaign brings the person back.
 */
@Service
public class PersonErasure {

    private final Vault vault;
    private final ErasureBlockers blockers;

    PersonErasure(Vault vault, ErasureBlockers blockers) {
        this.vault = vault;
        this.blockers = blockers;
    }

    /** A record that stays, and what keeps it. */
    public record Kept(RecordSummary record, ErasureBlocker blocker) {}

    /**
     * What was erased (how many records per processing activity, by its catalog key) and what stays;
     * {@code everything} when no subject of the person is left.
     */
    public record Outcome(
            Map<String, Integer> erasedPerActivity,
            List<Kept> kept,
            List<SubjectId> subjectsErased,
            boolean everything) {

        public Outcome {
            erasedPerActivity = Map.copyOf(erasedPerActivity);
        }

        public int erased() {
            return erasedPerActivity.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }
    }

    @Transactional
    public Outcome erase(Collection<SubjectId> subjects, Set<String> sites, String reason, boolean suppress) {
        List<Plan> plans =
                subjects.stream().map(subject -> plan(subject, sites)).toList();
        boolean everything = plans.stream().allMatch(Plan::nothingLeft);
        // only a person who is gone altogether is kept from coming back; the tombstones say so, for a replay
        boolean suppressing = suppress && everything;
        Map<String, Integer> erased = new TreeMap<>();
        List<Kept> kept = new ArrayList<>();
        List<SubjectId> gone = new ArrayList<>();
        for (Plan plan : plans) {
            plan.erase().forEach(record -> erased.merge(record.activity(), 1, Integer::sum));
            kept.addAll(plan.kept());
            if (plan.nothingLeft()) {
                if (suppressing) {
                    vault.eraseAndSuppress(plan.subject(), reason);
                } else {
                    vault.eraseSubject(plan.subject(), reason);
                }
                gone.add(plan.subject());
            } else {
                vault.eraseRecords(
                        plan.subject(),
                        plan.erase().stream().map(RecordSummary::id).toList(),
                        null,
                        reason);
            }
        }
        return new Outcome(erased, List.copyOf(kept), List.copyOf(gone), everything);
    }

    /** What erasing one subject on the sites takes, what it leaves and why; whether nothing is left of them. */
    private record Plan(SubjectId subject, List<RecordSummary> erase, List<Kept> kept, boolean nothingLeft) {}

    private Plan plan(SubjectId subject, Set<String> sites) {
        List<RecordSummary> records = vault.records(subject);
        Map<RecordId, RecordSummary> byId =
                records.stream().collect(Collectors.toMap(RecordSummary::id, Function.identity()));
        List<ErasureBlocker> blocking = blockers.blockers(subject);
        List<Kept> kept = blocking.stream()
                .filter(blocker -> byId.containsKey(blocker.record()))
                .filter(blocker -> sites.contains(byId.get(blocker.record()).site()))
                .map(blocker -> new Kept(byId.get(blocker.record()), blocker))
                .toList();
        Set<RecordId> held = blocking.stream().map(ErasureBlocker::record).collect(Collectors.toSet());
        List<RecordSummary> erase = records.stream()
                .filter(record -> sites.contains(record.site()) && !held.contains(record.id()))
                .toList();
        boolean nothingLeft = records.size() == erase.size() && !blockers.holdsSubject(subject);
        return new Plan(subject, erase, kept, nothingLeft);
    }
}
