package dev.steward.platform;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lengths of time as a page states them to its reader ("6 months", "6 Monate", "6か月"), where the catalog and the
 * published facts keep the ISO-8601 form ("P6M"). Templates call it as {@code durations}.
 */
@Component
public class Durations {

    /** A length of time as a catalog states it in English words ("12 months", "1 year"). */
    private static final Pattern STATED =
            Pattern.compile("(\\d+)\\s*(year|month|week|day|hour|minute|second)s?", Pattern.CASE_INSENSITIVE);

    private final MessageBundle units = new MessageBundle("i18n/durations");

    public @Nullable String words(@Nullable String iso) {
        return words(iso, Locale.ENGLISH);
    }

    public @Nullable String words(@Nullable String iso, Locale locale) {
        if (iso == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (iso.contains("T")) {
            Duration time = Duration.parse(iso);
            count(parts, time.toHours(), "hour", locale);
            count(parts, time.toMinutesPart(), "minute", locale);
            count(parts, time.toSecondsPart(), "second", locale);
        } else {
            Period period = Period.parse(iso);
            count(parts, period.getYears(), "year", locale);
            count(parts, period.getMonths(), "month", locale);
            count(parts, period.getDays(), "day", locale);
        }
        if (parts.isEmpty()) {
            return units.get(locale, "none");
        }
        String last = parts.remove(parts.size() - 1);
        return parts.isEmpty()
                ? last
                : units.get(locale, "and", String.join(units.get(locale, "separator"), parts), last);
    }

    /**
     * A cookie's duration as the catalog states it ("12 months", "session", "P1Y") in the reader's language; any
     * other wording the catalog chose is shown as written.
     */
    public String stated(String duration, Locale locale) {
        String trimmed = duration.trim();
        Matcher stated = STATED.matcher(trimmed);
        if (stated.matches()) {
            return units.get(locale, stated.group(2).toLowerCase(Locale.ROOT), Long.parseLong(stated.group(1)));
        }
        if (trimmed.equalsIgnoreCase("session")) {
            return units.get(locale, "session");
        }
        if (trimmed.startsWith("P")) {
            try {
                return words(trimmed, locale);
            } catch (RuntimeException notIso) {
                return trimmed;
            }
        }
        return trimmed;
    }

    private void count(List<String> parts, long amount, String unit, Locale locale) {
        if (amount != 0) {
            parts.add(units.get(locale, unit, amount));
        }
    }
}
