package dev.steward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A version published before the region switch named its regions keeps their keys in its stored page ("This notice
 * as it applies in: JP EU US"), and a stored page never changes: the visitor reads the regions by name all the same,
 * in the page's language (marked where the catalog names them in another).
 */
class OldRegionSwitchTest {

    @Test
    void aVersionStoredWithTheRegionsKeysShowsTheirNames(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext server = TestServer.start(TestDatabase.newDatabase(), dataDir)) {
            storedAsBeforeTheSwitchNamedTheRegions(server.getBean(JdbcClient.class));
            Http http = TestServer.http(server);

            String english = http.get("/s/olympus-ims/privacy?region=EU").body();
            String german = http.get("/s/olympus-ims/privacy?region=EU", "Accept-Language", "de")
                    .body();

            assertThat(english)
                    .containsPattern("href=\"/s/olympus-ims/privacy\\?region=JP\">Japan</a>")
                    .containsPattern(
                            "href=\"/s/olympus-ims/privacy\\?region=EU\" aria-current=\"page\">European Union</a>")
                    .contains(">United States and other countries</a>")
                    .doesNotContainPattern(">(JP|EU|US)</a>");
            assertThat(german)
                    .as("the catalog names the regions in English only: marked as such on the German page")
                    .contains("<html lang=\"de\"")
                    .containsPattern("region=JP\" lang=\"en\">Japan</a>")
                    .doesNotContainPattern(">(JP|EU|US)</a>");
        }
    }

    /** Writes the stored pages back to what a version published before the switch named its regions holds. */
    private static void storedAsBeforeTheSwitchNamedTheRegions(JdbcClient jdbc) {
        jdbc.sql("ALTER TABLE notice_rendition DISABLE TRIGGER notice_rendition_append_only")
                .update();
        int changed = jdbc.sql("""
                        UPDATE notice_rendition SET html = regexp_replace(html,
                            '(href="/s/olympus-ims/privacy\\?region=([A-Z]+)")( lang="en")?([^>]*)>[^<]+</a>', '\\1\\4>\\2</a>',
                            'g')
                        WHERE page = 'privacy'
                        """).update();
        jdbc.sql("ALTER TABLE notice_rendition ENABLE TRIGGER notice_rendition_append_only")
                .update();
        assertThat(changed).isPositive();
    }
}
