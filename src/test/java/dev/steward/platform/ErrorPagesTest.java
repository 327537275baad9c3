package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.test.Visitor;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A page that fails says what went wrong, in the words and the language its reader reads the site in. */
@StewardTest
class ErrorPagesTest {

    private static final String[] GERMAN_BROWSER = {"Accept", "text/html", "Accept-Language", "de-DE,de;q=0.9"};

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aPageThatIsNotThereSaysSoInTheVisitorsLanguage() {
        HttpResponse<String> missing = http.get("/s/olympus-ims/no-such-page", GERMAN_BROWSER);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body())
                .contains("<html lang=\"de\"")
                .contains("<h1>Diese Seite ist nicht verfügbar</h1>")
                .contains("Zurück zur Liste der Websites");
    }

    @Test
    void aFormThatCannotBeReadIsNotCalledAMistypedAddress() {
        HttpResponse<String> unreadable = http.post(
                "/s/olympus-ims/forms/contact",
                "application/x-www-form-urlencoded",
                "fields.name=%ED%A0%80",
                GERMAN_BROWSER);

        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body())
                .contains("<h1>Diese Anfrage war nicht lesbar</h1>")
                .doesNotContain("falsch geschrieben");
    }

    @Test
    void whatIsNotThereIsNamedInEnglishAsTheApiNamesItAndOnlySaidToBeMissingInOtherLanguages() {
        String receipt = "/receipts/00000000-0000-4000-8000-000000000000";

        HttpResponse<String> english = http.get(receipt, "Accept", "text/html");

        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body())
                .contains("<h1>This page is not available</h1>")
                .contains("There is no receipt 00000000-0000-4000-8000-000000000000.");
        HttpResponse<String> german = http.get("/s/olympus-ims/privacy/v/1999-01-01", GERMAN_BROWSER);
        assertThat(german.statusCode()).isEqualTo(404);
        assertThat(german.body())
                .contains("<h1>Diese Seite ist nicht verfügbar</h1>")
                .contains("Die Adresse ist vielleicht falsch geschrieben")
                .doesNotContain("1999-01-01");
    }

    @Test
    void aParameterThePageCannotUseIsRefusedSayingInTheReadersLanguageWhatWouldDo() {
        HttpResponse<String> german = http.get("/s/olympus-ims/privacy?region=BR", GERMAN_BROWSER);

        assertThat(german.statusCode()).isEqualTo(400);
        assertThat(german.body())
                .contains("<h1>Diese Seite kann so nicht gezeigt werden</h1>")
                .contains(
                        "Wählen Sie eine der Regionen, die diese Website bedient: Japan, European Union, United States and other countries.")
                .doesNotContain("JP, EU")
                .doesNotContain("BR");
    }

    @Test
    void aClientThatDoesNotAskForAPageGetsStewardsErrorShapeNotSpringBootsOwn() {
        HttpResponse<String> noCsrf = http.post(
                "/s/olympus-ims/forms/contact", "application/x-www-form-urlencoded", "x=1", "Accept-Language", "de");
        HttpResponse<String> page =
                http.post("/s/olympus-ims/forms/contact", "application/x-www-form-urlencoded", "x=1", GERMAN_BROWSER);

        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(noCsrf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(noCsrf.body()).startsWith("{\"errors\":[{\"field\":null,").doesNotContain("timestamp");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<html lang=\"de\"");
    }

    /**
     * A form whose session is gone (open too long, or in a browser whose session changed) is refused, and the reader
     * learns that nothing was sent and where to start again: the page the form was on, never a page elsewhere.
     */
    @Test
    void aFormPostedAfterItsSessionIsGoneSaysNothingWasSentAndLinksItsOwnPage() {
        String form = "/s/olympus-ims/forms/contact?region=EU";
        String staleToken = Console.csrf(new Visitor(port).get(form).body());
        String[] fromTheForm = {
            "Accept", "text/html", "Accept-Language", "de", "Referer", "http://localhost:" + port + form
        };

        HttpResponse<String> german = staleContactForm(staleToken, fromTheForm);
        HttpResponse<String> fromElsewhere = staleContactForm(
                staleToken, "Accept", "text/html", "Referer", "https://evil.example/s/olympus-ims/forms/contact");

        assertThat(german.statusCode()).isEqualTo(403);
        assertThat(german.body())
                .contains("<h1>Diese Seite war zu lange geöffnet</h1>")
                .contains("Es wurde nichts gesendet.")
                .contains("<a href=\"/s/olympus-ims/forms/contact?region=EU\">Seite erneut öffnen</a>");
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.body())
                .contains("<h1>This page was open too long</h1>")
                .doesNotContain("evil.example")
                .doesNotContain("Open the page again</a>");
    }

    /**
     * attack20: a referrer of this origin whose path starts with two slashes made a link to another host
     * ({@code //evil.example/…}); neither it nor a backslash, an opaque address or a referrer naming no host leads off.
     */
    @Test
    void aStaleFormsLinkNeverNamesAnotherHost() {
        String staleToken = Console.csrf(
                new Visitor(port).get("/s/olympus-ims/forms/contact").body());
        for (String referrer : List.of(
                "http://localhost:" + port + "//evil.example/s/olympus-ims/forms/contact",
                "http://localhost:" + port + "/\\evil.example/",
                "javascript:alert(1)",
                "//evil.example/")) {
            HttpResponse<String> refused = staleContactForm(staleToken, "Accept", "text/html", "Referer", referrer);
            assertThat(refused.statusCode()).as(referrer).isEqualTo(403);
            assertThat(refused.body())
                    .as(referrer)
                    .contains("<h1>This page was open too long</h1>")
                    .doesNotContain("evil.example")
                    .doesNotContain("javascript:");
        }
    }

    /** The contact form posted with a token of a session that is gone. */
    private HttpResponse<String> staleContactForm(String staleToken, String... headers) {
        return new Visitor(port).postForm("/s/olympus-ims/forms/contact", Map.of("_csrf", staleToken), headers);
    }

    @Test
    void aRightsRequestFormPostedWithoutItsRightOrRegionNamesTheMissingParameter() {
        Visitor visitor = new Visitor(port);
        String csrf = Console.csrf(visitor.get("/s/lab/privacy-center/rights/access?region=EU", GERMAN_BROWSER)
                .body());

        HttpResponse<String> noType = visitor.postForm(
                "/s/lab/privacy-center/requests",
                Map.of("_csrf", csrf, "email", "missing-type@example.org"),
                GERMAN_BROWSER);
        HttpResponse<String> noRegion = visitor.postForm(
                "/s/lab/privacy-center/requests",
                Map.of("_csrf", csrf, "type", "access", "email", "missing-region@example.org"),
                GERMAN_BROWSER);

        assertThat(noType.statusCode()).isEqualTo(400);
        assertThat(noType.body()).contains("<html lang=\"de\"").contains("&#39;type&#39;");
        assertThat(noRegion.statusCode()).isEqualTo(400);
        assertThat(noRegion.body()).contains("&#39;region&#39;");
    }

    /**
     * Requests Tomcat cannot read, refused before any servlet runs: Steward's page and the API's JSON, never Tomcat's
     * own page.
     */
    @Test
    void aRequestTomcatCannotReadIsAnsweredBySteward() throws IOException {
        String tooLarge = "X-Filler: " + "a".repeat(20_000) + "\r\n";

        String page = exchange("GET /s/olympus-ims/privacy HTTP/1.1\r\nAccept: text/html\r\n" + tooLarge);
        String api = exchange("GET /api/v1/sites HTTP/1.1\r\n" + tooLarge);
        String unreadableTarget = exchange("GET /api/v1/sites?q=a|b HTTP/1.1\r\n");

        assertThat(page)
                .startsWith("HTTP/1.1 400")
                .contains("<h1>This request could not be read</h1>")
                .doesNotContain("Tomcat");
        for (String json : List.of(api, unreadableTarget)) {
            assertThat(json)
                    .startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/json")
                    .contains("{\"errors\":[{\"field\":null,\"code\":\"bad-request\"")
                    .doesNotContain("Tomcat");
        }
    }

    /** The whole answer to a request written as it is, headers and body, as one string. */
    private String exchange(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((requestHead + "Host: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
