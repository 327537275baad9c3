package dev.steward.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a decision needs of the event that decides a consent, as the {@link ConsentIndex} caches it for many subjects
 * at once: times are microseconds, the id two longs.
 */
record LatestConsent(
        long seq,
        long idHigh,
        long idLow,
        ConsentAction action,
        long occurredMicros,
        String noticeVersion,
        String jurisdiction,
        long expiresMicros) {

    private static final long NEVER = Long.MAX_VALUE;

    static LatestConsent of(ConsentEvent event) {
        return of(
                event.seq(),
                event.id(),
                event.action(),
                event.occurredAt(),
                event.noticeVersion(),
                event.jurisdiction(),
                event.expiresAt());
    }

    static LatestConsent of(
            long seq,
            UUID id,
            ConsentAction action,
            Instant occurredAt,
            String noticeVersion,
            String jurisdiction,
            @Nullable Instant expiresAt) {
        return new LatestConsent(
                seq,
                id.getMostSignificantBits(),
                id.getLeastSignificantBits(),
                action,
                micros(occurredAt),
                noticeVersion.intern(),
                jurisdiction.intern(),
                expiresAt == null ? NEVER : micros(expiresAt));
    }

    UUID id() {
        return new UUID(idHigh, idLow);
    }

    Instant occurredAt() {
        return Instant.EPOCH.plus(occurredMicros, ChronoUnit.MICROS);
    }

    /** Whether, at the instant, this event still lets processing on consent go on. */
    boolean grantsAt(Instant instant) {
        return action.grants() && micros(instant) < expiresMicros;
    }

    String receiptPath() {
        return "/receipts/" + id();
    }

    /** Events count in the order they happened; the ledger order breaks ties (imports may arrive late). */
    static int order(LatestConsent a, @Nullable LatestConsent b) {
        if (b == null) {
            return 1;
        }
        int byTime = Long.compare(a.occurredMicros, b.occurredMicros);
        return byTime != 0 ? byTime : Long.compare(a.seq, b.seq);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
