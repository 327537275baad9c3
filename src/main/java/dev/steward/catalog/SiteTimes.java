package dev.steward.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates and times as a site's visitors read them: in the visitor's language and their jurisdiction's time zone (the
 * site's where the catalog names none for it), never as an ISO timestamp. Templates call it as {@code @siteTimes}.
 */
@Component("siteTimes")
public class SiteTimes {

    private final Catalogs catalogs;

    SiteTimes(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The day, e.g. "2 March 2026" or "2. März 2026", in the site's time zone. */
    public String day(@Nullable Instant at, Site site, Locale locale) {
        return day(at, site, null, locale);
    }

    /** The day in the time zone of the jurisdiction (a key; null: the site's). */
    public String day(@Nullable Instant at, Site site, @Nullable String jurisdiction, Locale locale) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(zone(site, jurisdiction))
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
        return dayTime(at, site, null, locale);
    }

    /** The day and the time of day in the jurisdiction's time zone (a key; null: the site's), with its name. */
    public String dayTime(@Nullable Instant at, Site site, @Nullable String jurisdiction, Locale locale) {
        if (at == null) {
            return "";
        }
        ZoneId zone = zone(site, jurisdiction);
        String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone)
                .format(at);
        // the zone's name at that instant (JST, MEZ, CDT): the zone's generic name ("JT", "CT") is one nobody uses
        String name = DateTimeFormatter.ofPattern("zzz", locale).withZone(zone).format(at);
        return day(at, site, jurisdiction, locale) + ", " + time + " (" + name + ")";
    }

    /**
     * The time zone a visitor of the jurisdiction reads: its own where the catalog names one, else the site's; a key
     * the site's catalog no longer has (an old receipt's) reads the site's.
     */
    public ZoneId zone(Site site, @Nullable String jurisdiction) {
        return jurisdiction == null
                ? site.zone()
                : catalogs.of(site.key())
                        .jurisdiction(jurisdiction)
                        .map(declared -> declared.zone(site))
                        .orElse(site.zone());
    }
}
