package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.AccessRequests;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Pages;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The requests queue as a privacy officer works it: deadlines in words, the copy of the data previewed before it is
 * released, and final answers behind a confirmation.
 */
@StewardTest
class RequestsConsoleTest {

    private static final String RAW_TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private Instant started;

    @BeforeEach
    void noteTheClock() {
        started = clock.instant();
    }

    @AfterEach
    void putTheClockBack() {
        clock.set(started);
    }

    @Test
    void theRequestsQueueSaysInWordsHowLongIsLeftAndWhenARequestIsOverdue() {
        String email = Canary.email(SeedForms.unique("ria"));
        String request = AccessRequests.received(port, email);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String fresh = row(admin.get("/admin/requests").body(), request);
        clock.advance(Duration.ofDays(40));
        String late = row(admin.get("/admin/requests").body(), request);

        assertThat(fresh).contains(">Access<").contains("To answer").containsPattern(">(28|29|30|31) days left<");
        assertThat(late).containsPattern(">Overdue by \\d+ days?<").contains("class=\"overdue\"");
        assertThat(fresh + late).doesNotContain(">access<", ">received<").doesNotContainPattern(RAW_TIMESTAMP);
    }

    private static String row(String page, String request) {
        int link = page.indexOf("/admin/requests/" + request);
        assertThat(link).as("the request is listed").isPositive();
        return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
    }

    /** A request's page names its site and region as the catalog does; it showed "olympus-ims (EU)". */
    @Test
    void aRequestsPageNamesItsSiteAndRegion() {
        String request = AccessRequests.received(port, Canary.email(SeedForms.unique("sitename")));
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String page = Pages.text(admin.get("/admin/requests/" + request).body());

        assertThat(page)
                .contains("Site and region Olympus IMS (European Union)")
                .doesNotContain("olympus-ims");
    }

    /**
     * The history named who acted by the stored key: "Submitted by requester", "Address confirmed by requester" in
     * every console language. It names the requester in words, in the reader's language.
     */
    @Test
    void aRequestsHistoryNamesTheRequesterInWords() {
        String request = AccessRequests.received(port, Canary.email(SeedForms.unique("history")));
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        assertThat(Pages.text(admin.get("/admin/requests/" + request).body()))
                .contains("by the requester")
                .doesNotContain("by requester");
        assertThat(Pages.text(admin.http()
                        .get("/admin/requests/" + request, "Accept-Language", "de")
                        .body()))
                .contains("von der anfragenden Person")
                .doesNotContain("von requester");
        assertThat(Pages.text(admin.http()
                        .get("/admin/requests/" + request, "Accept-Language", "ja")
                        .body()))
                .contains("担当:請求者")
                .doesNotContain("担当:requester");
    }

    /** The grounds and purposes a requester chose, in the catalog's words; the page showed their keys. */
    @Test
    void aRequestsPageNamesTheGroundsAndPurposesChosen() {
        String restriction = AccessRequests.received(
                port,
                Canary.email(SeedForms.unique("grounds")),
                "\"type\":\"restriction\",\"grounds\":[\"accuracy-disputed\"]");
        String withdrawal = AccessRequests.received(
                port,
                Canary.email(SeedForms.unique("purposes")),
                "\"type\":\"withdraw-consent\",\"purposes\":[\"newsletter\"]");
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String restricted =
                Pages.text(admin.get("/admin/requests/" + restriction).body());
        String withdrawn = Pages.text(admin.get("/admin/requests/" + withdrawal).body());
        String queue = Pages.text(admin.get("/admin/requests").body());

        assertThat(restricted)
                .contains("Grounds You dispute the accuracy of your data until we are able to verify its accuracy.")
                .doesNotContain("accuracy-disputed");
        assertThat(withdrawn)
                .contains("Purposes Sending you our newsletter about interesting offers related to our products and"
                        + " services")
                .doesNotContain("Purposes newsletter");
        assertThat(queue).as("restrictions in force, by their ground").doesNotContain("accuracy-disputed");
    }

    /**
     * Staff choose an extension in words, within what the jurisdiction allows (GDPR: up to two further months); the
     * page asked them to type an ISO-8601 period ("P1M").
     */
    @Test
    void staffChooseTheExtensionInWordsAmongThoseTheLawAllows() {
        String email = Canary.email(SeedForms.unique("ext"));
        String request = AccessRequests.received(port, email);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = "/admin/requests/" + request;

        String shown = admin.get(page).body();

        assertThat(shown)
                .contains("<option value=\"P1M\">1 month</option>")
                .contains("<option value=\"P2M\">2 months</option>")
                .doesNotContain("P3M")
                .doesNotContain("ISO");
        HttpResponse<String> extended = admin.submit(
                page, page + "/extend", java.util.Map.of("extension", "P2M", "reason", "Many records to gather."));
        assertThat(extended.statusCode()).isEqualTo(302);
        assertThat(Pages.text(admin.get(page).body())).contains("Deadline extended");
    }

    @Test
    void staffPreviewTheCopyOfTheDataAndConfirmBeforeTheAnswerGoes() {
        String email = Canary.email(SeedForms.unique("sol"));
        String request = AccessRequests.received(port, email);
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String page = admin.get("/admin/requests/" + request).body();
        HttpResponse<String> preview = admin.get("/admin/requests/" + request + "/package-preview");

        assertThat(page)
                .contains("/admin/requests/" + request + "/package-preview")
                .contains("<summary>Fulfil and answer…</summary>")
                .contains("<button type=\"submit\" class=\"danger\">Yes, fulfil and answer</button>")
                .contains("<summary>Refuse…</summary>");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(preview.body()).contains("Olympus");
        assertThat(jdbc.sql("SELECT count(*) FROM access_package WHERE request_id = :id")
                        .param("id", UUID.fromString(request))
                        .query(Long.class)
                        .single())
                .as("a preview releases nothing")
                .isZero();
    }
}
