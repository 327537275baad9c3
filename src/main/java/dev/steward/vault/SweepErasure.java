package dev.steward.vault;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The erasures of a retention sweep, batch by batch inside the sweep's transactions: records by the thousand, and the
 * people they leave without any record. They leave the same tombstones and events as one person's erasure, many at
 * a time.
 */
@Service
public class SweepErasure {

    private final SweepRepository sweeps;
    private final VaultRepository repository;
    private final Eraser eraser;
    private final ApplicationEventPublisher events;
    private final List<String> keepers;
    private final Clock clock;

    SweepErasure(
            SweepRepository sweeps,
            VaultRepository repository,
            Eraser eraser,
            ApplicationEventPublisher events,
            List<SubjectKeepers> keepers,
            Clock clock) {
        this.sweeps = sweeps;
        this.repository = repository;
        this.eraser = eraser;
        this.events = events;
        this.keepers = keepers.stream().map(SubjectKeepers::keeps).toList();
        this.clock = clock;
    }

    /**
     * A worker's part of a sweep: the records of subjects whose id falls in share {@code index} of {@code of}, so that
     * workers of one node never share a subject.
     */
    public record Share(int index, int of) {

        public static final Share ALL = new Share(0, 1);

        public Share {
            if (of < 1 || index < 0 || index >= of) {
                throw new IllegalArgumentException("share " + index + " of " + of);
            }
        }
    }

    /**
     * A retention sweep's batch, inside the caller's transaction: claims up to {@code limit} records due at the
     * instant, oldest first, leaving out the subjects and records given (those under a legal hold) and rows another
     * transaction holds, so that nodes sweeping at once never process the same record; keeps those whose statutory
     * minimum has not passed, moving their due time to its end; erases the rest. One statement does all of it; the
     * erased records leave one tombstone per activity naming each record and its subject, chained in one step and
     * written to the erasure log file in one append after commit, and one {@link RecordsErased} for the batch.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SweptBatch sweepDue(
            Instant now,
            int limit,
            Share share,
            Collection<SubjectId> exceptSubjects,
            Collection<RecordId> exceptRecords,
            List<StatutoryMinimum> minimums,
            String reason) {
        SweepRepository.Swept swept = sweeps.sweepDue(
                now,
                limit,
                share,
                exceptSubjects.stream().map(SubjectId::value).toArray(UUID[]::new),
                exceptRecords.stream().map(RecordId::value).toArray(UUID[]::new),
                minimums);
        List<UUID> tombstones = swept.erased().isEmpty() ? List.of() : leaveTombstones(swept.erased(), reason);
        return new SweptBatch(
                swept.claimed(),
                swept.erased().stream().map(SweepRepository.Erased::records).toList(),
                swept.kept(),
                tombstones,
                swept.noted());
    }

    /**
     * One tombstone per activity, its records (those of every site and rule of the activity) in the order the
     * statement gave them; its canonical form and log line take the ids as PostgreSQL wrote them.
     */
    private List<UUID> leaveTombstones(List<SweepRepository.Erased> erased, String reason) {
        Instant now = now();
        Map<String, List<SweepRepository.Erased>> byActivity = new LinkedHashMap<>();
        for (SweepRepository.Erased group : erased) {
            byActivity
                    .computeIfAbsent(group.records().activity(), key -> new ArrayList<>())
                    .add(group);
        }
        List<RenderedTombstone> tombstones = new ArrayList<>(byActivity.size());
        byActivity.forEach((activity, groups) -> tombstones.add(new RenderedTombstone(
                Tombstone.ofBatch(
                        UUID.randomUUID(),
                        joined(groups, SweptRecords::records),
                        joined(groups, SweptRecords::subjects),
                        activity,
                        now,
                        reason),
                String.join(
                        ",",
                        groups.stream().map(SweepRepository.Erased::recordsText).toList()),
                String.join(
                        ",",
                        groups.stream()
                                .map(SweepRepository.Erased::subjectsText)
                                .toList()))));
        eraser.chainRenderedBeforeCommit(tombstones);
        Set<SubjectId> subjects = new LinkedHashSet<>();
        List<RecordId> records = new ArrayList<>();
        for (SweepRepository.Erased group : erased) {
            subjects.addAll(group.records().subjects());
            records.addAll(group.records().records());
        }
        events.publishEvent(new RecordsErased(List.copyOf(subjects), List.copyOf(records), now, reason));
        return tombstones.stream().map(rendered -> rendered.tombstone().id()).toList();
    }

    private static <T> List<T> joined(List<SweepRepository.Erased> groups, Function<SweptRecords, List<T>> ids) {
        if (groups.size() == 1) {
            return ids.apply(groups.get(0).records());
        }
        List<T> all = new ArrayList<>();
        groups.forEach(group -> all.addAll(ids.apply(group.records())));
        return all;
    }

    /** What one look at the people left without records did: how many batches' notes it took, whom it erased. */
    public record Leftovers(int notes, List<SubjectId> erased) {}

    /**
     * The look, inside the caller's transaction, after a worker's batches (of share {@code share}) at the people they
     * took records of: takes the batches' notes, oldest first, as many as begin under {@code cap} people, and erases
     * those of their people left without any record as {@link #eraseLeftWithoutRecords(Collection, Collection,
     * String)} does. The notes go in the same transaction, so a run killed before or during the look leaves them to
     * the next run's. The caller repeats it until it takes no note.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Leftovers eraseLeftWithoutRecords(Share share, int cap, Collection<SubjectId> held, String reason) {
        SweepRepository.Leftovers leftovers = sweeps.takeLeftovers(
                share, cap, held.stream().map(SubjectId::value).toArray(UUID[]::new));
        if (leftovers.withoutRecords().isEmpty()) {
            return new Leftovers(leftovers.notes(), List.of());
        }
        return new Leftovers(leftovers.notes(), eraseLeftWithoutRecords(leftovers.withoutRecords(), held, reason));
    }

    /**
     * Erases, inside the caller's transaction, those of the subjects given (found without any record by the look at a
     * sweep's people) that still have none once locked,
     * unless they are given as held or a module still needs them (an account, an open rights request): their key,
     * identifiers and blind-index entries go, one tombstone names them all ({@link Tombstone#ofSubjects}), and one {@link SubjectsErased} names them all. Answers the subjects erased.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<SubjectId> eraseLeftWithoutRecords(
            Collection<SubjectId> subjects, Collection<SubjectId> held, String reason) {
        Set<SubjectId> candidates = new LinkedHashSet<>(subjects);
        candidates.removeAll(held);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<SubjectId> erased = sweeps.lockEmptySubjects(
                candidates.stream().map(SubjectId::value).toArray(UUID[]::new), keepers);
        if (erased.isEmpty()) {
            return List.of();
        }
        repository.deleteSubjects(erased.stream().map(SubjectId::value).toArray(UUID[]::new));
        Instant now = now();
        // one tombstone for them all (one chain hash, one row, one line)
        eraser.chainBeforeCommit(List.of(Tombstone.ofSubjects(UUID.randomUUID(), erased, now, reason)));
        eraser.erased(new SubjectsErased(erased, now, reason));
        return erased;
    }

    /** Erasure times are hashed into the erasure log, so they carry the database's precision from the start. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
