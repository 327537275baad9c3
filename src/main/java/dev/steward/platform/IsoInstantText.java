package dev.steward.platform;

import java.time.Instant;

/**
 * An {@link Instant} as the text {@link Instant#toString()} gives ({@code 2026-12-05T03:18:11.123Z}: seconds always,
 * then the fraction in groups of three digits, as many as it needs), written from a few integers into one small char
 * array.
 *
 * <p>WHY: formatting through {@code DateTimeFormatter} (a builder, a print context, a date-time and the text, per
 * instant) was the largest part of hashing the rows a bulk path chains ({@link Canonical}) and 7.6 % of what a consent
 * decision's answer allocated (bench/README.md), garbage the young collections behind the decision's slowest percent
 * collect. Years outside 0000–9999 (which ISO-8601 writes with a sign) are left to {@link Instant#toString()}.
 */
public final class IsoInstantText {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAYS_0000_TO_1970 = 719_468;
    private static final int DAYS_PER_400_YEARS = 146_097;

    private IsoInstantText() {}

    /** Exactly {@link Instant#toString()}. */
    public static String of(Instant value) {
        char[] text = new char[30];
        int length = format(value, text);
        return length < 0 ? value.toString() : new String(text, 0, length);
    }

    /**
     * Writes the text into {@code text} (30 chars at least) and answers its length, or -1 for a year of more than four
     * digits or before year 0, which the caller writes with {@link Instant#toString()}.
     */
    public static int format(Instant value, char[] text) {
        long seconds = value.getEpochSecond();
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // the proleptic Gregorian date of a day count, counted from 0000-03-01 so that the leap day ends each year
        long shifted = days + DAYS_0000_TO_1970;
        long era = Math.floorDiv(shifted, DAYS_PER_400_YEARS);
        int dayOfEra = (int) (shifted - era * DAYS_PER_400_YEARS);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            return -1;
        }
        digits(text, 0, (int) year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int end = fraction(text, 19, value.getNano());
        text[end] = 'Z';
        return end + 1;
    }

    /** As {@code Instant.toString}: nothing for whole seconds, else 3, 6 or 9 digits, the fewest that hold it. */
    private static int fraction(char[] text, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        text[at] = '.';
        if (nanos % 1_000_000 == 0) {
            digits(text, at + 1, nanos / 1_000_000, 3);
            return at + 4;
        }
        if (nanos % 1000 == 0) {
            digits(text, at + 1, nanos / 1000, 6);
            return at + 7;
        }
        digits(text, at + 1, nanos, 9);
        return at + 10;
    }

    private static void digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }
}
