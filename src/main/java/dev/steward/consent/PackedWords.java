package dev.steward.consent;

import dev.steward.vault.SubjectId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A subject's latest words ({@link SubjectConsents}) as one array of longs, as {@link WordsCache} keeps them: the
 * subject's id, how many words and other sites follow, then {@value #LONGS} longs a (site, purpose), then one a site
 * the subject has other data on. The texts (sites, purposes, notice versions, jurisdictions) become numbers given in
 * the order first seen, so that an entry holds no reference.
 *
 * <p>The texts are few and repeat (the catalog's sites and purposes, their notices' versions, a handful of
 * jurisdictions); each is kept once, as {@code String.intern} kept them before.
 */
final class PackedWords {

    static final int LONGS = 7;
    /** The id's two longs and the counts' one. */
    static final int HEAD = 3;

    private static final int JURISDICTIONS = 1 << 24;
    private static final ConsentAction[] ACTIONS = ConsentAction.values();

    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
    /** Written before the number is handed out, so whoever reads an entry with that number finds its text. */
    private volatile String[] texts = new String[64];

    /** The subject's words packed, or {@code null} if their texts outnumber what an entry can say (never in practice). */
    long @Nullable [] pack(SubjectId subject, SubjectConsents consents) {
        List<SubjectConsents.Latest> latest = consents.latest();
        List<String> sites = consents.sites();
        long[] packed = new long[HEAD + LONGS * latest.size() + sites.size()];
        packed[0] = subject.value().getMostSignificantBits();
        packed[1] = subject.value().getLeastSignificantBits();
        packed[2] = (long) latest.size() << 32 | sites.size();
        for (int i = 0; i < sites.size(); i++) {
            packed[HEAD + LONGS * latest.size() + i] = number(sites.get(i));
        }
        for (int i = 0; i < latest.size(); i++) {
            SubjectConsents.Latest one = latest.get(i);
            LatestConsent event = one.event();
            int jurisdiction = number(event.jurisdiction());
            if (jurisdiction >= JURISDICTIONS) {
                return null;
            }
            int at = HEAD + LONGS * i;
            packed[at] = (long) number(one.site()) << 32 | number(one.purpose());
            packed[at + 1] = event.seq();
            packed[at + 2] = event.idHigh();
            packed[at + 3] = event.idLow();
            packed[at + 4] = event.occurredMicros();
            packed[at + 5] = event.expiresMicros();
            packed[at + 6] = (long) number(event.noticeVersion()) << 32
                    | (long) jurisdiction << 8
                    | event.action().ordinal();
        }
        return packed;
    }

    SubjectConsents unpack(long[] packed) {
        String[] known = texts;
        SubjectConsents.Latest[] latest = new SubjectConsents.Latest[(int) (packed[2] >>> 32)];
        String[] sites = new String[(int) packed[2]];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = known[(int) packed[HEAD + LONGS * latest.length + i]];
        }
        for (int i = 0; i < latest.length; i++) {
            int at = HEAD + LONGS * i;
            long numbered = packed[at + 6];
            LatestConsent event = new LatestConsent(
                    packed[at + 1],
                    packed[at + 2],
                    packed[at + 3],
                    ACTIONS[(int) numbered & 0xFF],
                    packed[at + 4],
                    known[(int) (numbered >>> 32)],
                    known[(int) (numbered >>> 8) & (JURISDICTIONS - 1)],
                    packed[at + 5]);
            latest[i] = new SubjectConsents.Latest(known[(int) (packed[at] >>> 32)], known[(int) packed[at]], event);
        }
        return new SubjectConsents(List.of(latest), List.of(sites));
    }

    private int number(String text) {
        Integer known = numbers.get(text);
        return known != null ? known : added(text);
    }

    private synchronized int added(String text) {
        Integer known = numbers.get(text);
        if (known != null) {
            return known;
        }
        int number = numbers.size();
        String[] grown = number < texts.length ? texts : Arrays.copyOf(texts, number * 2);
        grown[number] = text;
        texts = grown;
        numbers.put(text, number);
        return number;
    }
}
