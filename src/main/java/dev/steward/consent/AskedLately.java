package dev.steward.consent;

/**
 * How often each subject was asked about lately, estimated in little memory: a count-min sketch of four-bit counters,
 * all halved once ten times as many questions as the cache holds have been counted, so that old popularity fades.
 * What TinyLFU (Caffeine's admission policy) keeps, for {@link WordsCache} to decide whom to keep.
 *
 * <p>WHY not Caffeine's own: its {@code FrequencySketch} is not public. Counters are updated without locks by every
 * request thread: a lost increment or a halving undone for one word only blurs an estimate, which is all it is; a
 * counter never exceeds 15, since each write adds one to a counter it read below 15.
 */
final class AskedLately {

    private static final long HALF = 0x7777_7777_7777_7777L;
    private static final long[] SEEDS = {
        0x9E37_79B9_7F4A_7C15L, 0xC2B2_AE3D_27D4_EB4FL, 0x1656_67B1_9E37_79F9L, 0x27D4_EB2F_1656_67C5L
    };

    /** Sixteen four-bit counters a word. */
    private final long[] table;

    private final int mask;
    private final int sampleSize;
    private int counted;

    AskedLately(int expected) {
        int words = Integer.highestOneBit(Math.max(expected, 16) - 1) << 1;
        this.table = new long[words];
        this.mask = words - 1;
        this.sampleSize = 10 * expected;
    }

    /** The estimated number of recent questions about the subject of this hash, 0 to 15. */
    int frequency(long hash) {
        int least = 15;
        for (long seed : SEEDS) {
            long spread = spread(hash, seed);
            least = Math.min(least, (int) ((table[index(spread)] >>> shift(spread)) & 15));
        }
        return least;
    }

    void increment(long hash) {
        boolean added = false;
        for (long seed : SEEDS) {
            long spread = spread(hash, seed);
            int index = index(spread);
            int shift = shift(spread);
            long word = table[index];
            if (((word >>> shift) & 15) < 15) {
                table[index] = word + (1L << shift);
                added = true;
            }
        }
        if (added && ++counted >= sampleSize) {
            halve();
        }
    }

    private void halve() {
        counted = 0;
        for (int i = 0; i < table.length; i++) {
            table[i] = (table[i] >>> 1) & HALF;
        }
    }

    private int index(long spread) {
        return (int) (spread >>> 32) & mask;
    }

    private static int shift(long spread) {
        return ((int) spread & 15) << 2;
    }

    private static long spread(long hash, long seed) {
        long mixed = (hash + seed) * 0xBF58_476D_1CE4_E5B9L;
        mixed ^= mixed >>> 31;
        return mixed * 0x94D0_49BB_1331_11EBL;
    }
}
