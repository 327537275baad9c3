package dev.steward.consent;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The consent index's cache: subjects' words, each packed into one array of longs whose first two are the subject's
 * id ({@link PackedWords}), in a table of {@value #WAYS}-way sets allocated once. A subject's set is fixed by their
 * id; when it is full, the one of its subjects asked about least lately ({@link AskedLately}) gives way, and only to a
 * subject asked about more often than they were (TinyLFU's admission, as Caffeine's).
 *
 * <p>WHY not Caffeine, as before: at a realistic load (1,000,000 people asked Zipf-like, half the questions misses:
 * bench/README.md, miss14) the serial collector's young pauses were 22–33 ms every 1.5 s and made the p99. A profile of
 * the collector put some half of each pause in copying and scanning the cache's new entries (ten objects each: the
 * key, its UUID, Caffeine's node, the map's node, the words' records), which a young collection copies up to fifteen
 * times before it promotes them, and a third in scanning the old generation's cards that hits had dirtied by
 * reordering Caffeine's deques. Here an entry is one object with no reference in it, and a hit writes no reference.
 *
 * <p>Reads take no lock: an entry is never changed once it is in the table (a newer one replaces it). Puts and
 * removals lock the entry's set.
 */
final class WordsCache {

    static final int WAYS = 8;
    private static final int STRIPES = 1024;

    private final int sets;
    private final AtomicReferenceArray<long @Nullable []> slots;
    private final Object[] locks = new Object[STRIPES];
    private final AskedLately asked;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final LongAdder size = new LongAdder();

    WordsCache(int capacity) {
        this.sets = Math.max(1, capacity / WAYS);
        this.slots = new AtomicReferenceArray<>(sets * WAYS);
        this.asked = new AskedLately(capacity);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The subject's entry, if cached; counts the question either way. */
    long @Nullable [] get(long high, long low) {
        long hash = hash(high, low);
        asked.increment(hash);
        int first = first(hash);
        for (int i = first; i < first + WAYS; i++) {
            long[] entry = slots.get(i);
            if (entry != null && entry[0] == high && entry[1] == low) {
                hits.increment();
                return entry;
            }
        }
        misses.increment();
        return null;
    }

    /**
     * Keeps the entry in place of the subject's previous one, in a free way of their set, or in place of the set's
     * subject asked about least lately if the new one was asked about more often; else not at all.
     */
    void put(long[] entry) {
        long high = entry[0];
        long low = entry[1];
        long hash = hash(high, low);
        int first = first(hash);
        synchronized (locks[first / WAYS % STRIPES]) {
            int free = -1;
            int victim = -1;
            int victimAsked = Integer.MAX_VALUE;
            for (int i = first; i < first + WAYS; i++) {
                long[] held = slots.get(i);
                if (held == null) {
                    free = free < 0 ? i : free;
                } else if (held[0] == high && held[1] == low) {
                    slots.set(i, entry);
                    puts.increment();
                    return;
                } else {
                    int heldAsked = asked.frequency(hash(held[0], held[1]));
                    if (heldAsked < victimAsked) {
                        victim = i;
                        victimAsked = heldAsked;
                    }
                }
            }
            if (free >= 0) {
                slots.set(free, entry);
                size.increment();
                puts.increment();
            } else if (asked.frequency(hash) > victimAsked) {
                slots.set(victim, entry);
                evictions.increment();
                puts.increment();
            }
        }
    }

    /** Drops the subject's entry, whichever it is. */
    void invalidate(long high, long low) {
        int first = first(hash(high, low));
        synchronized (locks[first / WAYS % STRIPES]) {
            for (int i = first; i < first + WAYS; i++) {
                long[] held = slots.get(i);
                if (held != null && held[0] == high && held[1] == low) {
                    slots.set(i, null);
                    size.decrement();
                }
            }
        }
    }

    /** Drops this very entry, if it is still the one held (not a newer one of the same subject). */
    void remove(long[] entry) {
        int first = first(hash(entry[0], entry[1]));
        synchronized (locks[first / WAYS % STRIPES]) {
            for (int i = first; i < first + WAYS; i++) {
                if (slots.get(i) == entry) {
                    slots.set(i, null);
                    size.decrement();
                }
            }
        }
    }

    void invalidateAll() {
        for (int set = 0; set < sets; set++) {
            synchronized (locks[set % STRIPES]) {
                for (int i = set * WAYS; i < (set + 1) * WAYS; i++) {
                    if (slots.getAndSet(i, null) != null) {
                        size.decrement();
                    }
                }
            }
        }
    }

    long size() {
        return size.sum();
    }

    /** The meters Micrometer's cache binders give (hits and misses are what bench/run reads). */
    void monitor(MeterRegistry registry, String name) {
        FunctionCounter.builder("cache.gets", hits, LongAdder::sum)
                .tags("cache", name, "result", "hit")
                .description("the number of times cache lookup methods have returned a cached value")
                .register(registry);
        FunctionCounter.builder("cache.gets", misses, LongAdder::sum)
                .tags("cache", name, "result", "miss")
                .description("the number of times cache lookup methods have returned an uncached value")
                .register(registry);
        FunctionCounter.builder("cache.puts", puts, LongAdder::sum)
                .tag("cache", name)
                .register(registry);
        FunctionCounter.builder("cache.evictions", evictions, LongAdder::sum)
                .tag("cache", name)
                .register(registry);
        Gauge.builder("cache.size", size, LongAdder::sum).tag("cache", name).register(registry);
    }

    private int first(long hash) {
        return (int) ((hash >>> 33) % sets) * WAYS;
    }

    /** Time-ordered ids (subjects created in bulk) differ mostly in their low bits: both halves are mixed. */
    private static long hash(long high, long low) {
        long mixed = (high ^ Long.rotateLeft(low, 32)) * 0xFF51_AFD7_ED55_8CCDL;
        mixed ^= mixed >>> 33;
        mixed *= 0xC4CE_B9FE_1A85_EC53L;
        return mixed ^ (mixed >>> 33);
    }
}
