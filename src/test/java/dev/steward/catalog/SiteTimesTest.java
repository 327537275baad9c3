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
}
