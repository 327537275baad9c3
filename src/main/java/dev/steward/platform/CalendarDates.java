package dev.steward.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Dates and instants read from what a person or a program sent, in years 1 to 9999. WHY: ISO-8601 and
 * {@code java.time} read years up to ±999,999,999, which PostgreSQL cannot store (its timestamps end in year 294276)
 * and to which one more day cannot be added; such a date answered 500 where any other unreadable date answers the
 * field's own error. So it is refused as the parser refuses a bad date, and each caller's handling of that applies.
 */
public final class CalendarDates {

    private CalendarDates() {}

    /** As {@link LocalDate#parse}, refusing a year outside 1–9999 the same way. */
    public static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text);
        requireOrdinaryYear(date.getYear(), text);
        return date;
    }

    /** The instant read from {@code text}, refused as the parser refuses a bad one when its year is outside 1–9999. */
    public static Instant instant(Instant read, String text) {
        requireOrdinaryYear(read.atOffset(ZoneOffset.UTC).getYear(), text);
        return read;
    }

    private static void requireOrdinaryYear(int year, String text) {
        if (year < 1 || year > 9999) {
            throw new DateTimeParseException("year outside 1-9999", text, 0);
        }
    }
}
