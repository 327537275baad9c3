package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * The script names the addresses the visitor's browser posts its choice to and fetches the style sheet, policy and
     * receipts from. On main they came from the request's Host header, so a request with a forged Host (kept by a
     * cache that ignores {@code private}, or passed on by a proxy that forwards Host as it came) made the script send
     * visitors' choices to a server of the forger's choosing. Now they are Steward's configured address.
     */
    @Test
    void theScriptsAddressesAreStewardsOwnWhateverHostTheRequestNames() throws IOException {
        String own = "http://localhost:" + port;
        for (String path : List.of("/s/olympus-ims/consent.js", "/s/olympus-ims/consent.js?csp=strict")) {
            String answer = exchange("GET " + path + " HTTP/1.0\r\nHost: attacker.example:8443\r\n");
            assertThat(answer)
                    .as(path)
                    .startsWith("HTTP/1.1 200")
                    .doesNotContain("attacker.example")
                    .contains(own + "/api/v1/sites/olympus-ims/cookie-choices")
                    .contains(own + "/s/olympus-ims/cookie-choices/");
        }
        assertThat(exchange("GET /s/olympus-ims/consent.js?csp=strict HTTP/1.0\r\nHost: attacker.example\r\n"))
                .contains(own + "/s/olympus-ims/consent.css");
    }

    /** The whole answer to a request written as it is (HTTP/1.0: never chunked), headers and body, as one string. */
    private String exchange(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestHead + "\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
