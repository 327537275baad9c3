package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * attack16: a member who once typed their password into the browser's Basic dialog (the staff API asks for it with
 * its 401) has a browser that sends it with every request to Steward, also those another site's page makes it send. A
 * {@code text/plain} form needs no preflight, and every action whose body may be empty took it: another site's page
 * closed a case with the member's password. The APIs now refuse what a browser says comes from another site, and
 * programs, which name no origin, and Steward's own pages work as before.
 */
@StewardTest
class CrossSiteApiTest {

    private static final String EVIL = "https://evil.example";

    @LocalServerPort
    int port;

    @Test
    void anotherSitesFormCannotCloseACaseWithThePasswordTheBrowserRemembers() {
        Http browser = new Http(port);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String id = openCase(browser, admin);

        // what <form method=post enctype=text/plain action=…/close> on another site sends, with the remembered password
        HttpResponse<String> forged = browser.post(
                "/api/v1/admin/inquiries/" + id + "/close",
                "text/plain",
                "",
                with(admin, "Origin", EVIL, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"));

        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(Json.read(forged.body()).get("errors").get(0).get("code").asString())
                .isEqualTo("cross-site");
        assertThat(status(browser, id, admin)).isEqualTo("open");
    }

    @Test
    void eitherHeaderAloneIsEnoughAndReadingIsRefusedToo() {
        Http browser = new Http(port);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

        // an old browser names the origin only; an <img> or a link from another site names only Sec-Fetch-Site
        assertThat(browser.post("/api/v1/admin/retention/sweeps", "text/plain", "", with(admin, "Origin", EVIL))
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.post("/api/v1/admin/retention/sweeps", "text/plain", "", with(admin, "Origin", "null"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/api/v1/admin/requests", with(admin, "Sec-Fetch-Site", "cross-site"))
                        .statusCode())
                .isEqualTo(403);
        // a page on a sibling host of the same registrable domain is another origin all the same
        assertThat(browser.get("/api/v1/admin/requests", with(admin, "Sec-Fetch-Site", "same-site"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.get(
                                "/api/v1/consent-decisions?site=olympus-ims&email=a@example.org&purpose=newsletter",
                                "Origin",
                                EVIL)
                        .statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/actuator/prometheus", with(admin, "Sec-Fetch-Site", "cross-site"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void programsAndStewardsOwnPagesAreServedAsBefore() {
        Http http = new Http(port);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

        // curl, a script, a server: no Origin, no Sec-Fetch-Site
        assertThat(http.get("/api/v1/admin/requests", admin).statusCode()).isEqualTo(200);
        // Swagger UI on Steward's own origin, and the address typed into the browser
        assertThat(http.get(
                                "/api/v1/admin/requests",
                                with(admin, "Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/requests", with(admin, "Sec-Fetch-Site", "none"))
                        .statusCode())
                .isEqualTo(200);
        // health stays open to load balancers, whatever they send
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private static String[] with(String[] headers, String... more) {
        return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
    }

    /** An open case of Olympus's contact form, found by its sender's address. */
    private static String openCase(Http http, String[] admin) {
        Filled ada = SeedForms.olympusContact();
        assertThat(http.postJson(ada.apiPath(), ada.json()).statusCode()).isEqualTo(201);
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> caseOf(http, ada, admin), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> caseOf(Http http, Filled form, String[] admin) {
        return Json.read(http.get("/api/v1/admin/inquiries?site=olympus-ims", admin)
                        .body())
                .get("cases")
                .valueStream()
                .map(inquiry -> inquiry.get("id").asString())
                .filter(id ->
                        http.get("/api/v1/admin/inquiries/" + id, admin).body().contains(form.email()))
                .findFirst();
    }

    private static String status(Http http, String id, String[] admin) {
        return Json.read(http.get("/api/v1/admin/inquiries/" + id, admin).body())
                .get("inquiry")
                .get("status")
                .asString();
    }
}
