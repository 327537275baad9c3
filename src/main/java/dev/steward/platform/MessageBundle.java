package dev.steward.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Words a person reads, from a bundle of {@code .properties} files per language: a language without its own file
 * reads the base file, never the machine's locale. Dates are written out for the reader's language ("March 10,
 * 2026", "10. März 2026"), never as ISO timestamps.
 */
public final class MessageBundle {

    /**
     * The languages Steward ships its own words in, English first as the fallback: every bundle (the visitor's pages
     * and mails, the console, the field errors) exists in each, so a console, an API answer or an error shown to a
     * reader can be in any of them.
     */
    public static final List<String> SHIPPED = List.of("en", "de", "ja");

    private final ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();

    public MessageBundle(String basename) {
        bundle.setBasename(basename);
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
    }

    public String get(Locale locale, String code, Object... arguments) {
        return bundle.getMessage(code, arguments, locale);
    }

    /** The message, or the fallback message when the bundle has no such code. */
    public String getOr(Locale locale, String code, String fallbackCode) {
        return bundle.getMessage(code, null, get(locale, fallbackCode), locale);
    }

    public static String date(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(day);
    }
}
