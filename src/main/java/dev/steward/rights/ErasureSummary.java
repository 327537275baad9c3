package dev.steward.rights;

import dev.steward.catalog.Span;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.PersonErasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What an erasure request did, in numbers, catalog keys and days only, kept beside the request rather than under the
 * requester's key: once everything is erased and the key destroyed, the status page can still say what was done. By
 * construction it holds nothing personal (no value, address, record id or free text: a legal hold's reference stays
 * in the sealed history); the request's id is the only thing that ties it to anyone.
 *
 * @param recipients the catalog keys of the recipients asked to erase too (GDPR Art. 19)
 */
record ErasureSummary(UUID request, Instant erasedAt, boolean everything, List<Line> lines, List<String> recipients) {

    ErasureSummary {
        lines = List.copyOf(lines);
        recipients = List.copyOf(recipients);
    }

    /** Why records stay. */
    enum KeptBy {
        LEGAL_HOLD,
        STATUTORY_MINIMUM;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static KeptBy of(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /**
     * Records of one processing activity erased ({@code keptBy} null), or kept for one reason until one day.
     *
     * @param keptFor the statutory period from collection, where the law keeps them and the catalog says how long
     */
    record Line(
            String activity,
            int records,
            @Nullable KeptBy keptBy,
            @Nullable Span keptFor,
            @Nullable Instant keptUntil) {

        boolean kept() {
            return keptBy != null;
        }
    }

    /**
     * The summary of a person's erasure: per activity how many records went, and the kept ones grouped by what keeps
     * them and until when. {@code statutoryPeriod} names the catalog's period for an activity's records, if any.
     */
    static ErasureSummary of(
            UUID request,
            Instant erasedAt,
            PersonErasure.Outcome outcome,
            Function<String, Optional<Span>> statutoryPeriod,
            List<String> recipients) {
        List<Line> lines = new ArrayList<>();
        // in the activities' order, so that the page and the stored positions read the same on every node
        new TreeMap<>(outcome.erasedPerActivity())
                .forEach((activity, records) -> lines.add(new Line(activity, records, null, null, null)));
        outcome.kept().stream()
                .collect(Collectors.groupingBy(Kept::of, TreeMap::new, Collectors.summingInt(k -> 1)))
                .forEach((kept, records) -> lines.add(new Line(
                        kept.activity(),
                        records,
                        kept.by(),
                        kept.by() == KeptBy.STATUTORY_MINIMUM
                                ? statutoryPeriod.apply(kept.activity()).orElse(null)
                                : null,
                        kept.until())));
        return new ErasureSummary(request, erasedAt, outcome.everything(), lines, recipients);
    }

    /** Kept records that read as one line: same activity, same reason, same last day. */
    private record Kept(String activity, KeptBy by, Instant until) implements Comparable<Kept> {

        private static final Comparator<Kept> ORDER =
                Comparator.comparing(Kept::activity).thenComparing(Kept::by).thenComparing(Kept::until);

        static Kept of(PersonErasure.Kept kept) {
            ErasureBlocker blocker = kept.blocker();
            return new Kept(
                    kept.record().activity(),
                    blocker.kind() == ErasureBlocker.Kind.LEGAL_HOLD ? KeptBy.LEGAL_HOLD : KeptBy.STATUTORY_MINIMUM,
                    blocker.until());
        }

        @Override
        public int compareTo(Kept other) {
            return ORDER.compare(this, other);
        }
    }
}
