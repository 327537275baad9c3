package dev.steward.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words and dates the console's Java code hands its pages (flash messages, dashboard lines, statuses), in the
 * staff member's language of the request being served. The console shows every time in UTC, as its pages say, since
 * staff answer for sites in several time zones. Templates call it as {@code @consoleWords}.
 */
@Component("consoleWords")
public class ConsoleWords {

    private final MessageSource messages;

    ConsoleWords(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale());
    }

    /** The message, or the fallback itself when the bundle has no such code (a value from outside Steward). */
    public String getOr(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale());
    }

    /** The day in UTC, "December 5, 2026", "5. Dezember 2026", "2026年12月5日"; empty for none. */
    public String day(@Nullable Instant at) {
        return at == null ? "" : day(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** A calendar day, such as the last day of a legal hold; empty for none. */
    public String day(@Nullable LocalDate date) {
        return date == null ? "" : MessageBundle.date(date, locale());
    }

    /** The day and the time of day in UTC, "December 5, 2026, 2:30 PM UTC"; empty for none. */
    public String dayTime(@Nullable Instant at) {
        return at == null
                ? ""
                : day(at) + ", "
                        + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                .withLocale(locale())
                                .withZone(ZoneOffset.UTC)
                                .format(at)
                        + " UTC";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
