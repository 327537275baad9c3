package dev.steward.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 length of time as the catalog writes it: {@code P30D}, {@code P24M}, {@code P10Y} or, for
 * lengths under a day, {@code PT30M}. Months and years are calendar-aware, which is why this is not a
 * {@link Duration}.
 */
public record Span(Period period, Duration time) {

    public static Span parse(String text) {
        String value = text.trim();
        try {
            if (value.contains("T")) {
                return new Span(Period.ZERO, Duration.parse(value));
            }
            return new Span(Period.parse(value), Duration.ZERO);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 duration such as P30D, P24M, P10Y or PT30M");
        }
    }

    public static Span ofDays(int days) {
        return new Span(Period.ofDays(days), Duration.ZERO);
    }

    public Instant addTo(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(period).toInstant().plus(time);
    }

    public Instant subtractFrom(Instant end) {
        return end.atOffset(ZoneOffset.UTC).minus(period).toInstant().minus(time);
    }

    public boolean isZero() {
        return period.isZero() && time.isZero();
    }

    /** The canonical ISO form, as written in a catalog. */
    @Override
    public String toString() {
        if (isZero()) {
            return "P0D";
        }
        return time.isZero() ? period.toString() : time.toString();
    }
}
