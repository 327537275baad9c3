package dev.steward.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A moment as a site's visitors read it: in their language, in the site's time zone, named as people name it. */
@StewardTest
class SiteTimesTest {

    private static final Instant AT = Instant.parse("2026-12-06T14:01:00Z");

    @Autowired
    SiteTimes times;

    @Autowired
    Catalogs catalogs;

    @Test
    void theZoneIsNamedAsItIsAtThatMomentNotByItsGenericName() {
        Site olympus = catalogs.requireSite("olympus-ims");

        assertThat(times.dayTime(AT, olympus, Locale.ENGLISH)).isEqualTo("December 6, 2026, 11:01 PM (JST)");
        assertThat(times.dayTime(AT, olympus, Locale.GERMAN)).isEqualTo("6. Dezember 2026, 23:01 (JST)");
    }

    /**
     * A European visitor of Olympus (a Japanese site) read its receipts and mails on Tokyo's clock (outside22 F6): a
     * jurisdiction's own time zone in the catalog is the one its visitors read; without one, the site's.
     */
    @Test
    void aJurisdictionsVisitorsReadItsOwnClockAndTheSitesWhereItNamesNone() {
        Site olympus = catalogs.requireSite("olympus-ims");
        Site omron = catalogs.requireSite("omron-healthcare");

        assertThat(times.dayTime(AT, olympus, "EU", Locale.GERMAN)).isEqualTo("6. Dezember 2026, 15:01 (MEZ)");
        assertThat(times.dayTime(AT, olympus, "EU", Locale.ENGLISH)).isEqualTo("December 6, 2026, 3:01 PM (CET)");
        assertThat(times.dayTime(AT, olympus, "US", Locale.ENGLISH)).isEqualTo("December 6, 2026, 9:01 AM (EST)");
        assertThat(times.dayTime(AT, olympus, "JP", Locale.JAPANESE)).isEqualTo("2026年12月6日, 23:01 (JST)");
        assertThat(times.day(Instant.parse("2026-12-06T22:30:00Z"), olympus, "EU", Locale.ENGLISH))
                .as("the day too: already the 7th in Tokyo")
                .isEqualTo("December 6, 2026");
        assertThat(times.dayTime(AT, omron, "US", Locale.ENGLISH))
                .as("a jurisdiction without a time zone: the site's")
                .isEqualTo("December 6, 2026, 8:01 AM (CST)");
        assertThat(times.dayTime(AT, olympus, "XX", Locale.ENGLISH))
                .as("a jurisdiction the catalog no longer has (an old receipt's): the site's")
                .isEqualTo("December 6, 2026, 11:01 PM (JST)");
    }
}
