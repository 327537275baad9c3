package dev.steward.platform;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lengths of time as a page states them to its reader ("6 months"), where the catalog and the published facts keep
 * the ISO-8601 form ("P6M"). Templates call it as {@code durations}.
 */
@Component
public class Durations {

    public @Nullable String words(@Nullable String iso) {
        if (iso == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (iso.contains("T")) {
            Duration time = Duration.parse(iso);
            count(parts, time.toHours(), "hour");
            count(parts, time.toMinutesPart(), "minute");
            count(parts, time.toSecondsPart(), "second");
        } else {
            Period period = Period.parse(iso);
            count(parts, period.getYears(), "year");
            count(parts, period.getMonths(), "month");
            count(parts, period.getDays(), "day");
        }
        if (parts.isEmpty()) {
            return "no time at all";
        }
        String last = parts.remove(parts.size() - 1);
        return parts.isEmpty() ? last : String.join(", ", parts) + " and " + last;
    }

    private static void count(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
