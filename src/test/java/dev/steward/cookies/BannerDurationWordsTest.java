package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cookie's duration is one of the banner's words, and is written in the banner's language as the cookie policy
 * writes it: Olympus's German banner said "(12 months)" beside German sentences, where its German cookie policy says
 * "12 Monate".
 */
@StewardTest
class BannerDurationWordsTest {

    @LocalServerPort
    int port;

    @Test
    void theGermanBannerWritesTheChoiceCookiesDurationInGerman() {
        Http http = new Http(port);

        HttpResponse<String> german = http.get("/s/olympus-ims/consent.js?lang=de&region=EU");
        HttpResponse<String> english = http.get("/s/olympus-ims/consent.js?lang=en&region=EU");

        assertThat(german.statusCode()).isEqualTo(200);
        assertThat(german.body()).contains("\"duration\":\"12 Monate\"").doesNotContain("12 months");
        assertThat(english.body()).contains("\"duration\":\"12 months\"");
    }
}
