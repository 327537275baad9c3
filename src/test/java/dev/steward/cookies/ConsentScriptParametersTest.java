package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The banner script's {@code ?region=} and {@code ?lang=} are an integrator's choices: one the site does not declare
 * is refused naming the ones it does, so a typo shows in the browser's console instead of a page without a banner
 * that only says "not found".
 */
@StewardTest
class ConsentScriptParametersTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aLanguageOrRegionTheSiteDoesNotDeclareIsRefusedNamingTheOnesItDoes() {
        HttpResponse<String> language = http.get("/s/olympus-ims/consent.js?lang=fr");
        HttpResponse<String> region = http.get("/s/olympus-ims/consent.js?region=BR", "Accept-Language", "de");

        assertThat(language.statusCode()).isEqualTo(422);
        assertThat(language.body())
                .contains("{\"field\":\"lang\",\"code\":\"invalid-option\"")
                .contains("Choose one of the languages the site declares: en");
        assertThat(region.statusCode()).isEqualTo(422);
        assertThat(region.body())
                .contains("{\"field\":\"region\",\"code\":\"invalid-option\"")
                .contains(
                        "Wählen Sie eine der Regionen, die diese Website bedient: Japan, European Union, United States and other countries.");
    }

    @Test
    void aDeclaredLanguageAndRegionServeTheScript() {
        HttpResponse<String> script = http.get("/s/olympus-ims/consent.js?lang=en&region=eu");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    }
}
