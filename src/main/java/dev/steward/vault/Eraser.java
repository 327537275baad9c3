package dev.steward.vault;

import dev.steward.platform.Notifications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one path every erasure of a subject or of some records takes, made now or replayed from its tombstone after a
 * restore: the vault's rows go, the tombstone is chained in the erasure log, the same event ({@link SubjectErased} or
 * {@link RecordsErased}) and, for people erased whole, the modules' {@link SubjectRows} statements delete what every
 * module keeps about them in the same transaction, and every node forgets the key. A replay differs only in that its
 * tombstone exists already, in the file it was read from.
 */
@Component
class Eraser {

    private static final int SUBJECTS_PER_NOTIFICATION = 200;

    private final VaultRepository repository;
    private final ErasureLogRepository log;
    private final ErasureLogFile file;
    private final SuppressionList suppression;
    private final SubjectKeys keys;
    private final ApplicationEventPublisher events;
    private final SubjectRowsErasure rows;
    private final Notifications notifications;

    /**
     * Told on this node of each subject it erased, as soon as the erasure commits: the notification that tells every
     * node (this one too) comes back only some milliseconds later, and a cache that answers whether a subject exists
     * must not answer "yes" meanwhile (see {@link Vault#onErasure}).
     */
    private final List<Consumer<SubjectId>> erasedHere = new CopyOnWriteArrayList<>();

    Eraser(
            VaultRepository repository,
            ErasureLogRepository log,
            ErasureLogFile file,
            SuppressionList suppression,
            SubjectKeys keys,
            ApplicationEventPublisher events,
            SubjectRowsErasure rows,
            Notifications notifications) {
        this.repository = repository;
        this.log = log;
        this.file = file;
        this.suppression = suppression;
        this.keys = keys;
        this.events = events;
        this.rows = rows;
        this.notifications = notifications;
    }

    /** Erases the tombstone's subject or records now; nothing, and no tombstone, when they are gone already. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Tombstone> erase(Tombstone tombstone) {
        if (delete(tombstone) == 0) {
            return Optional.empty();
        }
        log.append(tombstone);
        announce(tombstone);
        toFileAfterCommit(List.of(tombstone));
        return Optional.of(tombstone);
    }

    /** What replaying tombstones found to erase again. */
    record Replayed(int subjects, int records) {}

    /**
     * Applies tombstones the database lacks (it was restored from a backup taken before those erasures) as the
     * erasures did, events included, even where the vault's rows are gone already: other modules may still hold the
     * people. They are chained in the order given. Whole subjects erased at one instant for one reason (those a sweep
     * left without records, in one tombstone naming them all or, before 2026-12-06, in one each) go in one statement
     * and one {@link SubjectsErased}, as the sweep erased them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Replayed replay(List<Tombstone> tombstones) {
        int subjects = 0;
        int records = 0;
        Map<Together, List<SubjectId>> together = new LinkedHashMap<>();
        for (Tombstone tombstone : tombstones) {
            if (tombstone.wholeSubject() && !tombstone.suppressesIdentifiers()) {
                together.computeIfAbsent(
                                new Together(tombstone.reason(), tombstone.erasedAt()), key -> new ArrayList<>())
                        .addAll(tombstone.erasedSubjects());
            } else if (tombstone.wholeSubject()) {
                subjects += delete(tombstone);
                announce(tombstone);
            } else {
                records += delete(tombstone);
                announce(tombstone);
            }
        }
        for (Map.Entry<Together, List<SubjectId>> erased : together.entrySet()) {
            List<SubjectId> group = erased.getValue();
            subjects += repository.deleteSubjects(
                    group.stream().map(SubjectId::value).toArray(UUID[]::new));
            erased(new SubjectsErased(
                    group, erased.getKey().at(), erased.getKey().reason()));
        }
        log.appendAll(tombstones);
        return new Replayed(subjects, records);
    }

    private record Together(String reason, Instant at) {}

    private int delete(Tombstone tombstone) {
        if (!tombstone.wholeSubject()) {
            List<RecordId> records = Objects.requireNonNull(tombstone.records());
            return records.isEmpty() ? 0 : repository.deleteRecords(records);
        }
        List<SubjectId> subjects = tombstone.erasedSubjects();
        if (tombstone.suppressesIdentifiers()) {
            // before the identifiers go with the subject
            subjects.forEach(suppression::addIdentifiersOf);
        }
        return subjects.size() == 1
                ? repository.deleteSubject(subjects.get(0)) ? 1 : 0
                : repository.deleteSubjects(
                        subjects.stream().map(SubjectId::value).toArray(UUID[]::new));
    }

    /** The event every module deletes its part of the person on, in this transaction; then every node forgets. */
    private void announce(Tombstone tombstone) {
        if (tombstone.wholeSubject()) {
            erased(
                    tombstone.subject() != null
                            ? new SubjectErased(tombstone.subject(), tombstone.erasedAt(), tombstone.reason())
                            : new SubjectsErased(tombstone.erasedSubjects(), tombstone.erasedAt(), tombstone.reason()));
            return;
        }
        events.publishEvent(new RecordsErased(
                tombstone.erasedSubjects(),
                Objects.requireNonNull(tombstone.records()),
                tombstone.erasedAt(),
                tombstone.reason()));
        forget(tombstone.erasedSubjects());
    }

    /**
     * People erased whole, inside the caller's transaction: the event's listeners delete what needs a decision, then
     * every module's {@link SubjectRows} statements go in one round trip, then every node forgets their keys.
     */
    void erased(ErasedSubjects event) {
        events.publishEvent(event);
        rows.erase(event.subjects(), event.erasedAt());
        forget(event.subjects());
    }

    /**
     * Tells every node which subjects are gone, many to a notification (a sweep's batch erases thousands, and a
     * notification carries up to 8,000 bytes), all the notifications in one statement, and drops their keys from this
     * node's cache once the erasure commits.
     */
    void forget(List<SubjectId> subjects) {
        List<String> payloads = new ArrayList<>();
        for (int from = 0; from < subjects.size(); from += SUBJECTS_PER_NOTIFICATION) {
            payloads.add(subjects.subList(from, Math.min(subjects.size(), from + SUBJECTS_PER_NOTIFICATION)).stream()
                    .map(SubjectId::toString)
                    .collect(Collectors.joining(",")));
        }
        notifications.sendAll(Vault.NOTIFY_CHANNEL, payloads);
        afterCommit(() -> subjects.forEach(subject -> {
            keys.forget(subject);
            erasedHere.forEach(listener -> listener.accept(subject));
        }));
    }

    void onErasedHere(Consumer<SubjectId> listener) {
        erasedHere.add(listener);
    }

    /**
     * Chains the tombstones in the erasure log in one step just before the transaction commits, and appends them to
     * its file once it has. Chaining locks the chain's head until commit, so done any earlier in a sweep's batch it
     * would make the other sweep workers wait for everything else the batch does.
     */
    void chainBeforeCommit(List<Tombstone> tombstones) {
        chainRenderedBeforeCommit(tombstones.stream().map(RenderedTombstone::of).toList());
    }

    /**
     * As {@link #chainBeforeCommit}, for tombstones whose ids are written out already (a sweep batch's). Tombstones
     * chained so in one transaction (a sweep batch's records, then the people it left without any) are chained in one
     * step, one COPY and one append to the file, in the order given: the chain's head is locked once.
     */
    void chainRenderedBeforeCommit(List<RenderedTombstone> tombstones) {
        // looked for among the transaction's synchronizations, which a nested REQUIRES_NEW transaction suspends, so
        // that an inner transaction's tombstones never join an outer one's and commit (or roll back) with it
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Chaining chaining && chaining.owner() == this) {
                chaining.add(tombstones);
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new Chaining(this, tombstones));
    }

    /**
     * The tombstones a transaction chains just before it commits and appends to the file once it has; none may join
     * once they are chained.
     */
    private static final class Chaining implements TransactionSynchronization {

        private final Eraser owner;
        private final List<RenderedTombstone> tombstones;
        private boolean chained;

        Chaining(Eraser owner, List<RenderedTombstone> tombstones) {
            this.owner = owner;
            this.tombstones = new ArrayList<>(tombstones);
        }

        Eraser owner() {
            return owner;
        }

        void add(List<RenderedTombstone> more) {
            if (chained) {
                // a synchronization registered now would never run: the tombstones would be lost
                throw new IllegalStateException("Tombstones to chain after the transaction's were chained");
            }
            tombstones.addAll(more);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            chained = true;
            owner.log.appendRendered(tombstones);
        }

        @Override
        public void afterCommit() {
            owner.file.appendRendered(tombstones);
        }
    }

    private void toFileAfterCommit(List<Tombstone> tombstones) {
        afterCommit(() -> file.append(tombstones));
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
