package dev.steward.cookies.scanner;

import dev.steward.catalog.Span;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How long a cookie lasts: for the browser session, or a number of seconds. The catalog writes it for people ("12
 * months", "2 years", "session") or as ISO-8601 ({@code P12M}); a month is read as 31 days and a year as 366, so that a
 * cookie set for 365 days fits "12 months" and only a longer one is reported.
 *
 * @param seconds null for a session cookie
 */
record Lifetime(@Nullable Long seconds) {

    private static final Pattern WORDS =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(second|minute|hour|day|week|month|year)s?");
    private static final Set<String> SESSION = Set.of(
            "session",
            "temporary",
            "browser session",
            "end of session",
            "end of session (browser)",
            "until the browser closes");
    private static final long DAY = 86_400;
    /** Rounding between the catalog's words and the browser's seconds. */
    private static final long SLACK = 60;

    static final Lifetime SESSION_ONLY = new Lifetime(null);

    /** What the catalog's words say; empty when they are not a length this reads. */
    static Optional<Lifetime> read(@Nullable String declared) {
        if (declared == null) {
            return Optional.empty();
        }
        String text = declared.trim().toLowerCase(Locale.ROOT);
        if (SESSION.contains(text)) {
            return Optional.of(SESSION_ONLY);
        }
        Matcher words = WORDS.matcher(text);
        if (words.matches()) {
            double count = Double.parseDouble(words.group(1));
            return Optional.of(new Lifetime(Math.round(count * unit(words.group(2)))));
        }
        try {
            Span span = Span.parse(declared.trim().toUpperCase(Locale.ROOT));
            long days = span.period().toTotalMonths() * 31 + span.period().getDays();
            return Optional.of(new Lifetime(days * DAY + span.time().toSeconds()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The catalog's words as a whole number of a unit ("13 months" stays 13 months, not 403 days); else empty. */
    static Optional<Amount> written(String declared) {
        String text = declared.trim().toLowerCase(Locale.ROOT);
        if (SESSION.contains(text)) {
            return Optional.of(new Amount(0, "session"));
        }
        Matcher words = WORDS.matcher(text);
        return words.matches() && !words.group(1).contains(".")
                ? Optional.of(new Amount(Long.parseLong(words.group(1)), words.group(2)))
                : Optional.empty();
    }

    private static long unit(String unit) {
        return switch (unit) {
            case "second" -> 1;
            case "minute" -> 60;
            case "hour" -> 3_600;
            case "day" -> DAY;
            case "week" -> 7 * DAY;
            case "month" -> 31 * DAY;
            default -> 366 * DAY;
        };
    }

    /** Whether a cookie that lasts {@code seen} outlives this. */
    boolean exceededBy(Lifetime seen) {
        if (seen.seconds == null) {
            return false;
        }
        return seconds == null || seen.seconds > seconds + SLACK;
    }

    /** How long, as a count of a unit a person reads: {@code session} (count 0), minute, hour, day or year. */
    record Amount(long count, String unit) {}

    Amount amount() {
        if (seconds == null) {
            return new Amount(0, "session");
        }
        if (seconds < 2 * 3_600) {
            return new Amount(Math.max(1, Math.round(seconds / 60.0)), "minute");
        }
        if (seconds < 2 * DAY) {
            return new Amount(Math.round(seconds / 3_600.0), "hour");
        }
        long days = Math.round(seconds / (double) DAY);
        return days % 365 == 0 ? new Amount(days / 365, "year") : new Amount(days, "day");
    }

    /** In English words, for the report's JSON: "session", "45 minutes", "90 days", "2 years". */
    String words() {
        Amount amount = amount();
        if (seconds == null) {
            return amount.unit();
        }
        return amount.count() + " " + amount.unit() + (amount.count() == 1 ? "" : "s");
    }

    /** As a finding keeps it: the seconds, or nothing for a session cookie. */
    String argument() {
        return seconds == null ? "" : seconds.toString();
    }

    static Lifetime ofArgument(String argument) {
        return new Lifetime(argument.isEmpty() ? null : Long.valueOf(argument));
    }
}
