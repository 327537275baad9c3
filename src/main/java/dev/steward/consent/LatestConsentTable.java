package dev.steward.consent;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.StampedLock;
import org.jspecify.annotations.Nullable;

/**
 * The latest consent of each (subject, site-and-purpose), held in primitive arrays rather than objects.
 *
 * <p>WHY: the index holds one entry per subject and purpose, a million and more. As a {@code ConcurrentHashMap} of
 * {@code UUID} to a one-entry map of {@link LatestConsent} it took about 170 bytes per entry in small objects (a heap
 * histogram of 1,050,000 entries: 179 MB), and a full collection had to trace every one of them. Here an entry is
 * eight longs in a page of a {@code long[][]} (64 bytes), found through an open-addressing {@code int[]} of entry
 * numbers (linear probing, at most three quarters full); the collector sees a few hundred arrays without references.
 * Notice versions and jurisdictions, a handful of distinct strings, are kept as small numbers into a shared list.
 *
 * <p>Concurrency: one writer at a time (the write lock); readers take an optimistic stamp, copy the entry's longs and
 * fall back to the read lock if a write happened meanwhile, so a decision never waits on another decision and never
 * sees half an entry. The optimistic path may read a half-written table before it learns so: it checks every index
 * it follows and gives up rather than fail.
 */
final class LatestConsentTable {

    // The eight longs of an entry.
    private static final int SUBJECT_HIGH = 0;
    private static final int SUBJECT_LOW = 1;
    /** The purpose (24 bits), action (8), notice version (16) and jurisdiction (16), packed. */
    private static final int PACKED = 2;

    private static final int SEQ = 3;
    private static final int ID_HIGH = 4;
    private static final int ID_LOW = 5;
    private static final int OCCURRED = 6;
    private static final int EXPIRES = 7;
    private static final int FIELDS = 8;

    private static final int PURPOSE_BITS = 24;
    private static final int NAME_BITS = 16;
    private static final int ACTION_SHIFT = PURPOSE_BITS;
    private static final int NOTICE_SHIFT = ACTION_SHIFT + 8;
    private static final int JURISDICTION_SHIFT = NOTICE_SHIFT + NAME_BITS;

    /** 4,096 entries (256 KB) per page: growing adds a page and never copies the entries. */
    private static final int PAGE_SHIFT = 12;

    private static final int PAGE_ENTRIES = 1 << PAGE_SHIFT;
    private static final ConsentAction[] ACTIONS = ConsentAction.values();

    private final StampedLock lock = new StampedLock();
    /** Entry number + 1 per slot, 0 for an empty slot. */
    private int[] slots = new int[1 << 10];

    private long[][] pages = new long[0][];
    /** Entry numbers handed out so far; erased entries are reused through {@link #freed} first. */
    private int allocated;

    private int size;
    /** Entry numbers of erased entries, waiting to be reused. */
    private int[] freed = new int[16];

    private int freedCount;
    /**
     * Notice versions and jurisdictions by number. Copy-on-write, because readers without the lock look names up; it
     * only grows, and it gets a name only a few times in the life of the server.
     */
    private final List<String> names = new CopyOnWriteArrayList<>();

    private final Map<String, Integer> nameNumbers = new HashMap<>();

    /** The latest consent of the subject for the purpose (a number the caller gives each site and purpose). */
    @Nullable
    LatestConsent get(UUID subject, int purpose) {
        long high = subject.getMostSignificantBits();
        long low = subject.getLeastSignificantBits();
        long[] entry = new long[FIELDS];
        long stamp = lock.tryOptimisticRead();
        boolean found = copy(high, low, purpose, entry);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                found = copy(high, low, purpose, entry);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        if (!found) {
            return null;
        }
        // Decoded only once the copy is known whole; the names only ever grow, so its numbers are still good.
        long packed = entry[PACKED];
        return new LatestConsent(
                entry[SEQ],
                entry[ID_HIGH],
                entry[ID_LOW],
                ACTIONS[(int) (packed >>> ACTION_SHIFT & 0xff)],
                entry[OCCURRED],
                names.get((int) (packed >>> NOTICE_SHIFT & mask(NAME_BITS))),
                names.get((int) (packed >>> JURISDICTION_SHIFT & mask(NAME_BITS))),
                entry[EXPIRES]);
    }

    /**
     * Keeps the consent unless the subject already has a later one for the purpose ({@link LatestConsent#order}); the
     * same event applied twice changes nothing.
     */
    void putIfLater(UUID subject, int purpose, LatestConsent latest) {
        if (purpose < 0 || purpose > mask(PURPOSE_BITS)) {
            throw new IllegalArgumentException("purpose number out of range: " + purpose);
        }
        long high = subject.getMostSignificantBits();
        long low = subject.getLeastSignificantBits();
        long stamp = lock.writeLock();
        try {
            long packed = purpose
                    | (long) latest.action().ordinal() << ACTION_SHIFT
                    | (long) number(latest.noticeVersion()) << NOTICE_SHIFT
                    | (long) number(latest.jurisdiction()) << JURISDICTION_SHIFT;
            int slot = slotOf(high, low, purpose);
            int entry;
            if (slot >= 0) {
                entry = slots[slot] - 1;
                long[] page = pages[entry >>> PAGE_SHIFT];
                int at = (entry & PAGE_ENTRIES - 1) * FIELDS;
                int byTime = Long.compare(latest.occurredMicros(), page[at + OCCURRED]);
                if (byTime < 0 || byTime == 0 && latest.seq() < page[at + SEQ]) {
                    return;
                }
            } else {
                if (size + 1 > slots.length / 4 * 3) {
                    rehash(slots.length * 2);
                }
                entry = newEntry();
                slots[emptySlot(high, low, purpose)] = entry + 1;
                size++;
            }
            long[] page = pages[entry >>> PAGE_SHIFT];
            int at = (entry & PAGE_ENTRIES - 1) * FIELDS;
            page[at + SUBJECT_HIGH] = high;
            page[at + SUBJECT_LOW] = low;
            page[at + PACKED] = packed;
            page[at + SEQ] = latest.seq();
            page[at + ID_HIGH] = latest.idHigh();
            page[at + ID_LOW] = latest.idLow();
            page[at + OCCURRED] = latest.occurredMicros();
            page[at + EXPIRES] = latest.expiresMicros();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Forgets the subject's consent for the purpose (erasure). */
    void remove(UUID subject, int purpose) {
        long stamp = lock.writeLock();
        try {
            int slot = slotOf(subject.getMostSignificantBits(), subject.getLeastSignificantBits(), purpose);
            if (slot < 0) {
                return;
            }
            int entry = slots[slot] - 1;
            long[] page = pages[entry >>> PAGE_SHIFT];
            Arrays.fill(page, (entry & PAGE_ENTRIES - 1) * FIELDS, (entry & PAGE_ENTRIES - 1) * FIELDS + FIELDS, 0);
            if (freedCount == freed.length) {
                freed = Arrays.copyOf(freed, freedCount * 2);
            }
            freed[freedCount++] = entry;
            size--;
            closeGap(slot);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    int size() {
        long stamp = lock.readLock();
        try {
            return size;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Copies the entry's longs into {@code into}; false if there is none. Safe to call without the lock: it follows
     * no index it has not checked, and it stops after one pass over the slots.
     */
    private boolean copy(long high, long low, int purpose, long[] into) {
        int[] slots = this.slots;
        long[][] pages = this.pages;
        int mask = slots.length - 1;
        int slot = hash(high, low, purpose) & mask;
        for (int probes = 0; probes < slots.length; probes++, slot = slot + 1 & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return false;
            }
            int pageNumber = entry >>> PAGE_SHIFT;
            long[] page = pageNumber < pages.length ? pages[pageNumber] : null;
            if (page == null) {
                return false;
            }
            int at = (entry & PAGE_ENTRIES - 1) * FIELDS;
            if (page[at + SUBJECT_HIGH] == high
                    && page[at + SUBJECT_LOW] == low
                    && (int) (page[at + PACKED] & mask(PURPOSE_BITS)) == purpose) {
                System.arraycopy(page, at, into, 0, FIELDS);
                return true;
            }
        }
        return false;
    }

    /** The slot holding the entry, or -1. Under the write lock. */
    private int slotOf(long high, long low, int purpose) {
        int mask = slots.length - 1;
        for (int slot = hash(high, low, purpose) & mask; ; slot = slot + 1 & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            long[] page = pages[entry >>> PAGE_SHIFT];
            int at = (entry & PAGE_ENTRIES - 1) * FIELDS;
            if (page[at + SUBJECT_HIGH] == high
                    && page[at + SUBJECT_LOW] == low
                    && (int) (page[at + PACKED] & mask(PURPOSE_BITS)) == purpose) {
                return slot;
            }
        }
    }

    private int emptySlot(long high, long low, int purpose) {
        int mask = slots.length - 1;
        int slot = hash(high, low, purpose) & mask;
        while (slots[slot] != 0) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    /**
     * Empties the slot without tombstones: later entries of the same probe run move back into the gap, so a lookup
     * still stops at the first empty slot (backward-shift deletion for linear probing).
     */
    private void closeGap(int gap) {
        int mask = slots.length - 1;
        int slot = gap;
        while (true) {
            slot = slot + 1 & mask;
            int entry = slots[slot] - 1;
            if (entry < 0) {
                break;
            }
            int home = homeOf(entry) & mask;
            // The entry may move back to the gap only if the gap lies between its home slot and where it is now.
            boolean movable = gap <= slot ? home <= gap || home > slot : home <= gap && home > slot;
            if (movable) {
                slots[gap] = slots[slot];
                gap = slot;
            }
        }
        slots[gap] = 0;
    }

    private void rehash(int capacity) {
        int[] old = slots;
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int stored : old) {
            if (stored != 0) {
                int slot = homeOf(stored - 1) & mask;
                while (slots[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                slots[slot] = stored;
            }
        }
    }

    private int homeOf(int entry) {
        long[] page = pages[entry >>> PAGE_SHIFT];
        int at = (entry & PAGE_ENTRIES - 1) * FIELDS;
        return hash(page[at + SUBJECT_HIGH], page[at + SUBJECT_LOW], (int) (page[at + PACKED] & mask(PURPOSE_BITS)));
    }

    private int newEntry() {
        if (freedCount > 0) {
            return freed[--freedCount];
        }
        int entry = allocated++;
        if (entry >>> PAGE_SHIFT == pages.length) {
            long[][] grown = Arrays.copyOf(pages, pages.length + 1);
            grown[pages.length] = new long[PAGE_ENTRIES * FIELDS];
            pages = grown;
        }
        return entry;
    }

    /** The number of a notice version or jurisdiction, the same for every entry that names it. Under the write lock. */
    private int number(String name) {
        Integer known = nameNumbers.get(name);
        if (known != null) {
            return known;
        }
        if (names.size() > mask(NAME_BITS)) {
            throw new IllegalStateException("more than 65,536 distinct notice versions and jurisdictions");
        }
        names.add(name);
        nameNumbers.put(name, names.size() - 1);
        return names.size() - 1;
    }

    /** Murmur3's 64-bit finaliser, so that the low bits used as the slot depend on every bit of the key. */
    private static int hash(long high, long low, int purpose) {
        long h = high * 0x9E3779B97F4A7C15L ^ low ^ (long) purpose * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private static long mask(int bits) {
        return (1L << bits) - 1;
    }
}
