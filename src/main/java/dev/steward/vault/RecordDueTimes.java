package dev.steward.vault;

import dev.steward.catalog.Span;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When records fall due for erasure: the retention schedule moves records between states with new due times, closes
 * an activity whose purpose ended, and counts what falls due when (the retention plan) and what is overdue.
 */
@Service
public class RecordDueTimes {

    private final RecordDueTimeRepository repository;

    RecordDueTimes(RecordDueTimeRepository repository) {
        this.repository = repository;
    }

    /**
     * Records of a site due at or before an instant and not erased: {@code held} of them are kept by a legal hold,
     * the {@code unheld} rest wait for a sweep.
     */
    public record Overdue(String site, long unheld, long held) {}

    /** Moves a record to a new state with a new retention due time (a case closed, a parent confirmed). */
    @Transactional
    public void changeState(RecordId record, RecordState state, @Nullable Instant dueAt) {
        repository.updateState(record, state, dueAt);
    }

    /**
     * Closes every record of the activity not due sooner (its purpose has ended): due at the instant, but never
     * before collection plus the statutory minimum. Answers how many records it closed.
     */
    @Transactional
    public int closeActivity(String site, String activity, Instant dueAt, @Nullable Span statutoryMinimum) {
        return repository.closeActivity(
                site, activity, dueAt, statutoryMinimum == null ? null : statutoryMinimum.toString());
    }

    /** How many records of each site's activities fall due in each interval the bounds make, and how many never. */
    public List<DueCount> dueCounts(List<Instant> bounds) {
        return repository.dueCounts(bounds);
    }

    /** Per site, the records due at or before the instant and still there, apart by whether a hold keeps them. */
    public List<Overdue> overdue(Instant before, Collection<SubjectId> heldSubjects, Collection<RecordId> heldRecords) {
        return repository.overdue(
                before,
                heldSubjects.stream().map(SubjectId::value).toArray(UUID[]::new),
                heldRecords.stream().map(RecordId::value).toArray(UUID[]::new));
    }
}
