package dev.steward.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which words a page shows of a catalog text, and when it must mark them as written in another language. */
class LocalizedTextTest {

    private final LocalizedText recipient =
            new LocalizedText(Map.of("de", "Vertriebspartner", "en", "Sales partners", "fr", "Partenaires"));

    @Test
    void aTextInThePagesLanguageIsNotMarked() {
        assertThat(recipient.shownIn("fr")).isEqualTo(new LocalizedText.Shown("Partenaires", null));
        assertThat(recipient.shownIn("fr", "de")).isEqualTo(new LocalizedText.Shown("Partenaires", null));
    }

    @Test
    void anUntranslatedTextIsShownInTheSitesLanguageFirstAndMarkedWithIt() {
        assertThat(recipient.shownIn("ja", "de")).isEqualTo(new LocalizedText.Shown("Vertriebspartner", "de"));
        assertThat(recipient.shownIn("ja")).isEqualTo(new LocalizedText.Shown("Sales partners", "en"));
        assertThat(recipient.shownIn("ja", "it"))
                .as("a site's language the text lacks too: English")
                .isEqualTo(new LocalizedText.Shown("Sales partners", "en"));
    }
}
