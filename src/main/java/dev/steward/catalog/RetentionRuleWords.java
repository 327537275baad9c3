package dev.steward.catalog;

import dev.steward.platform.ConsoleWords;
import dev.steward.platform.Durations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A catalog's retention rule ({@code while-subscribed + P30D}, {@code P6M}) as the console writes it for staff:
 * "30 days after unsubscribing", in the staff member's language. Templates call it as {@code @retentionRuleWords}.
 */
@Component("retentionRuleWords")
public class RetentionRuleWords {

    private final ConsoleWords words;
    private final Durations durations;

    RetentionRuleWords(ConsoleWords words, Durations durations) {
        this.words = words;
        this.durations = durations;
    }

    public String of(@Nullable String rule) {
        if (rule == null) {
            return words.get("console.retention.noRule");
        }
        RetentionRule.Schedule schedule = RetentionRule.Schedule.parse(rule);
        String trigger = "console.rule." + schedule.trigger().name();
        return schedule.span().isZero()
                ? words.get(trigger)
                : words.get(
                        trigger + ".after",
                        durations.words(schedule.span().toString(), LocaleContextHolder.getLocale()));
    }

    /** A statutory minimum ({@code P10Y}) in words, "10 years". */
    public @Nullable String span(@Nullable String iso) {
        return durations.words(iso, LocaleContextHolder.getLocale());
    }
}
