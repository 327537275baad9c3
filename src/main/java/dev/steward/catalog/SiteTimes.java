package dev.steward.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as a site's visitors read them: in the visitor's language and the site's time zone, never as an
 * ISO timestamp. Templates call it as {@code @siteTimes}.
 */
@Component("siteTimes")
public class SiteTimes {

    /** The day, e.g. "2 March 2026" or "2. März 2026". */
    public String day(@Nullable Instant at, Site site, Locale locale) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(site.zone())
                .format(at);
    }

    public String day(@Nullable LocalDate date, Locale locale) {
        return date == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(date);
    }

    /** The day and the time of day with the site's time zone, e.g. "2 March 2026, 18:00 (JST)". */
    public String dayTime(@Nullable Instant at, Site site, Locale locale) {
        if (at == null) {
            return "";
        }
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(site.zone())
                .format(at);
        // the zone's name at that instant (JST, MEZ, CDT): the zone's generic name ("JT", "CT") is one nobody uses
        String zone =
                DateTimeFormatter.ofPattern("zzz", locale).withZone(site.zone()).format(at);
        return day(at, site, locale) + ", " + time + " (" + zone + ")";
    }
}
