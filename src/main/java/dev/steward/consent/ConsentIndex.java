package dev.steward.consent;

import dev.steward.platform.Notifications;
import dev.steward.vault.LiveSubjects;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The latest consent event of each (subject, site, purpose), so that "may I use this person's data for this purpose
 * now?" is answered without a query most of the time: read from the covering index {@code consent_event_latest} one
 * subject at a time, and kept for some {@value #SUBJECTS} subjects asked about most often lately ({@link WordsCache}).
 *
 * <p>WHY not the whole ledger in memory, as before: it grew with the ledger (64 bytes per subject and purpose, 10
 * million subjects would not fit a 320 MB heap) and every start read the whole ledger. Now memory is bounded and a
 * start reads one number.
 *
 * <p>The database stays the source of truth. A subject's entry is dropped whenever any node appends an event of
 * theirs (LISTEN/NOTIFY; the position is caught up after a lost connection too) and when they are erased; the next
 * question reads it again. A read that raced a change is not kept, see {@link #read}.
 */
@Component
class ConsentIndex {

    /**
     * About 150 bytes each with two purposes, one array of longs ({@link PackedWords}): some 45 MB when full. WHY
     * 300,000 rather than 100,000: with 1,000,000 people asked Zipf-like (s = 0.8, bench/README.md) the cache answered
     * 64 % of the questions instead of 52 %, a quarter fewer statements, and the node 0.52× and 0.63× the bare server's
     * rate instead of 0.44× in two pairs (bench/README.md, p9915).
     */
    static final int SUBJECTS = 300_000;

    private final ConsentEventRepository events;
    private final WordsCache cache = new WordsCache(SUBJECTS);
    private final PackedWords packed = new PackedWords();
    /** Counts every drop, so that a read that began before one can tell. */
    private final AtomicLong drops = new AtomicLong();

    private long applied;

    ConsentIndex(
            ConsentEventRepository events,
            Notifications notifications,
            Vault vault,
            LiveSubjects subjects,
            MeterRegistry registry) {
        this.events = events;
        this.applied = events.lastSeq();
        cache.monitor(registry, "consent-decisions");
        notifications.subscribe(ConsentLedger.NOTIFY_CHANNEL, ignored -> catchUp());
        vault.onErasure(this::forget);
        subjects.onArrival(this::forget);
    }

    /** The subject's latest words on every site and purpose: one look-up for several questions about them. */
    SubjectConsents consentsOf(SubjectId subject) {
        SubjectConsents cached = cached(subject);
        return cached != null ? cached : read(subject).consents();
    }

    /**
     * As {@link #consentsOf}, or {@code null} when the database has no such subject (never created, or erased) or the
     * subject has nothing on the site ({@link SubjectConsents#knownOn}): a site's integrator is answered as if only the
     * site's people existed (attack13 M1). Only existing subjects are cached, so a cached entry answers that the subject
     * exists, and on which sites, until their erasure or their coming onto another site drops it ({@link
     * Vault#onErasure}, at once on the node that erased; {@link LiveSubjects#onArrival}, on every node when the
     * writer commits). WHY: a decision needs all of it, and a subject missing from this cache was missing from the
     * vault's key cache too, which then read and unwrapped the subject's key for nothing but its existence, in a query
     * of its own (bench/README.md, miss12); and a question about another site's person is answered from the cache as
     * well (read again each time, it cost a query a question: bench/README.md, site14). A subject not cached for not
     * existing is read again on the next question, as it may be created meanwhile.
     */
    @Nullable
    SubjectConsents ofKnownOn(SubjectId subject, String site) {
        SubjectConsents cached = cached(subject);
        if (cached != null) {
            return cached.knownOn(site) ? cached : null;
        }
        return knownOn(read(subject), site);
    }

    /**
     * As {@link #ofKnownOn}, read from the database whatever this node has cached: for a question as of an instant,
     * which the ledger answers, not this node's view of it. WHY: another node's change reaches this cache within a
     * second, and meanwhile a cached entry would call the subject unknown on a site they came onto a moment ago, so
     * that the ledger's own answer would disagree with the ledger.
     */
    @Nullable
    SubjectConsents ofKnownOnInLedger(SubjectId subject, String site) {
        return knownOn(read(subject), site);
    }

    @Nullable
    private static SubjectConsents knownOn(ConsentEventRepository.SubjectWords read, String site) {
        return read.subjectExists() && read.consents().knownOn(site) ? read.consents() : null;
    }

    /** Drops the subjects of every event appended since the last call. */
    synchronized void catchUp() {
        applied = events.subjectsAfter(applied, this::drop);
    }

    /** An event this node just committed: its subject is read again at once, before the notification comes back. */
    void apply(ConsentEvent event) {
        drop(event.subject());
    }

    /**
     * The subject's words and existence read from the database, kept when the subject exists. WHY the counter: a
     * read may see the ledger (or the subject's row) just before another node's append (or an erasure), whose drop then
     * finds nothing to drop yet. So the read is put first and taken back if any drop happened meanwhile: whichever
     * comes last, the drop or the check, nothing stale stays.
     */
    private ConsentEventRepository.SubjectWords read(SubjectId subject) {
        long before = drops.get();
        ConsentEventRepository.SubjectWords read = events.latestOf(subject);
        long[] entry = read.subjectExists() ? packed.pack(subject, read.consents()) : null;
        if (entry != null) {
            cache.put(entry);
            if (drops.get() != before) {
                cache.remove(entry);
            }
        }
        return read;
    }

    @Nullable
    private SubjectConsents cached(SubjectId subject) {
        long[] entry = cache.get(
                subject.value().getMostSignificantBits(), subject.value().getLeastSignificantBits());
        return entry != null ? packed.unpack(entry) : null;
    }

    private void drop(SubjectId subject) {
        drops.incrementAndGet();
        cache.invalidate(
                subject.value().getMostSignificantBits(), subject.value().getLeastSignificantBits());
    }

    private void forget(@Nullable SubjectId subject) {
        if (subject == null) {
            drops.incrementAndGet();
            cache.invalidateAll();
        } else {
            drop(subject);
        }
    }
}
