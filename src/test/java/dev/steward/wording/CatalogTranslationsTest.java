package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The catalog texts that used to be single-language (recipients' names, the categories of data subjects) are given per
 * language like any other, and {@code privacy.json} speaks the visitor's language among those the site declares:
 * {@code Content-Language} names it, and the site's default language after it where some texts are not translated. A
 * language the site does not declare, or a header nobody can read, gets the site's default language.
 */
@StewardTest
class CatalogTranslationsTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            nullValues = "-",
            value = {
                "olympus-ims; EU; de-DE, de; de, en; Olympus-Vertriebspartner im EWR; Website-Besucher",
                "olympus-ims; EU; en; en; Olympus distributors inside the EEA; Website visitors",
                // French is not declared: the site's default
                "olympus-ims; EU; fr; en; Olympus distributors inside the EEA; Website visitors",
                "olympus-ims; EU; -; en; Olympus distributors inside the EEA; Website visitors",
                "olympus-ims; EU; @@@; en; Olympus distributors inside the EEA; Website visitors",
                "omron-healthcare; US; ja; ja, en; オムロンの提携先; ウェブサイトの訪問者",
                "omron-healthcare; US; de; en; Omron partner organizations; Website visitors",
            })
    void privacyJsonNamesRecipientsAndDataSubjectsInTheVisitorsLanguage(
            String site,
            String region,
            @Nullable String acceptLanguage,
            String contentLanguage,
            String recipient,
            String dataSubject) {
        HttpResponse<String> response = acceptLanguage == null
                ? http.get("/s/" + site + "/privacy.json?region=" + region)
                : http.get("/s/" + site + "/privacy.json?region=" + region, "Accept-Language", acceptLanguage);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Language")).hasValue(contentLanguage);
        JsonNode notice = Json.read(response.body());
        assertThat(values(notice.get("recipients"), "name")).contains(recipient);
        List<String> subjects = new ArrayList<>();
        notice.get("activities")
                .forEach(activity -> activity.get("dataSubjects").forEach(subject -> subjects.add(subject.asString())));
        assertThat(subjects).contains(dataSubject);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "de; Olympus-Vertriebspartner im EWR; Olympus America Inc.",
                "en; Olympus distributors inside the EEA; Olympus America Inc.",
                "fr; Olympus distributors inside the EEA; Olympus America Inc."
            })
    void aNameTheCatalogGivesInOneLanguageOnlyReadsTheSitesDefault(String language, String translated, String proper) {
        JsonNode notice = Json.read(http.get("/s/olympus-ims/privacy.json?region=EU", "Accept-Language", language)
                .body());

        assertThat(values(notice.get("recipients"), "name")).contains(translated, proper);
        assertThat(values(notice.get("transfers"), "thirdParty")).contains(proper);
    }

    private static List<String> values(JsonNode items, String name) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.get(name).asString()));
        return values;
    }
}
