package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.Packages;
import dev.steward.test.Pages;
import dev.steward.test.Registrations;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An account holder who typed their password recently needs no e-mail round trip to prove who they are (seed 000 §4);
 * anyone else, or an account holder whose password is too old, confirms by e-mail. The privacy center opens in the
 * visitor's region, detected as for the notice.
 */
@StewardTest
class SignedInRequestsTest {

    static final String CENTER = "/s/olympus-ims/privacy-center";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Test
    void aRequestForTheAccountsOwnAddressIsConfirmedByTheRecentSignIn() {
        Filled account = registered();
        Visitor visitor = signedIn(account);
        assertThat(Pages.text(visitor.get(CENTER + "/rights/access?region=EU").body()))
                .contains("You are signed in to your account: a request for your account's e-mail address is"
                        + " confirmed by your sign-in");

        HttpResponse<String> sent = request(visitor, account.email());

        String statusPage = location(sent);
        assertThat(statusPage).startsWith(CENTER + "/requests/").doesNotContain("submitted");
        assertThat(status(statusPage)).isEqualTo("received");
        String mail = new Inbox(port).newestTextTo(account.email());
        assertThat(mail).contains("is confirmed. We will answer by").contains(statusPage);
    }

    @Test
    void theAccessPackageReportsTheAccountWithoutItsPasswordHash() throws Exception {
        Filled account = registered();
        String statusPage = location(request(signedIn(account), account.email()));
        String id = Json.read(new Visitor(port)
                        .get("/api/v1/sites/olympus-ims/requests/"
                                + statusPage.substring(statusPage.lastIndexOf('/') + 1))
                        .body())
                .get("request")
                .asString();
        clock.advance(Duration.ofSeconds(1));
        Http staff = new Http(port);
        assertThat(staff.postJson(
                                "/api/v1/admin/requests/" + id + "/fulfil",
                                "{}",
                                Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(200);

        Map<String, String> files = RightsRequestsTest.unzip(
                Packages.download(new Http(port), new Inbox(port).newestTextTo(account.email()))
                        .body());
        JsonNode accounts = Json.read(files.get("steward-access.json")).get("accounts");
        assertThat(Json.rows(accounts, "site", "registeredWith", "state"))
                .containsExactly("olympus-ims | software-download | active");
        assertThat(files.get("summary.html")).contains("Your accounts");
        assertThat(String.join("", files.values())).doesNotContain("{bcrypt}").doesNotContain("$2a$");
    }

    @Test
    void anotherAddressOrAnOldPasswordStillNeedsTheEmail() {
        Filled account = registered();
        Visitor visitor = signedIn(account);

        String other = Canary.email("someone-else");
        assertThat(location(request(visitor, other))).endsWith("?submitted");
        assertThat(new Inbox(port).newestTextTo(other)).contains("To confirm that this address is yours");

        clock.advance(Duration.ofMinutes(31));
        String page =
                Pages.text(visitor.get(CENTER + "/rights/access?region=EU").body());
        assertThat(page).contains("Confirm your password and a request for your account's e-mail address needs no");
        assertThat(location(request(visitor, account.email()))).endsWith("?submitted");
    }

    @Test
    void theCenterOpensInTheVisitorsRegion() {
        Visitor visitor = new Visitor(port);
        String japan =
                Pages.text(visitor.get(CENTER + "/rights", "CF-IPCountry", "JP").body());
        String europe =
                Pages.text(visitor.get(CENTER + "/rights", "CF-IPCountry", "DE").body());

        assertThat(japan).contains("shown: Japan").contains("Disclosing personal information");
        assertThat(europe).contains("shown: European Union").contains("Right to limitation of processing");
    }

    @Test
    void consentCanBeWithdrawnOnlyForPurposesRestingOnItAndObjectedToOnlyForLegitimateInterestOrMarketing() {
        Visitor visitor = new Visitor(port);
        String withdrawal =
                visitor.get(CENTER + "/rights/withdraw-consent?region=EU").body();
        String objection = visitor.get(CENTER + "/rights/objection?region=EU").body();

        assertThat(withdrawal)
                .contains("id=\"withdraw-consent-p-software-download\"")
                .doesNotContain("id=\"withdraw-consent-p-website-delivery\"");
        assertThat(objection)
                .contains("id=\"objection-p-website-delivery\"")
                .doesNotContain("id=\"objection-p-software-download\"");
    }

    private Filled registered() {
        Filled account = SeedForms.olympusSoftwareDownload();
        HttpResponse<String> answer = new Visitor(port).postJson(account.apiPath(), account.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Registrations.verify(port, account.site(), account.email());
        return account;
    }

    private Visitor signedIn(Filled account) {
        Visitor visitor = new Visitor(port);
        String login = "/s/olympus-ims/account/login";
        HttpResponse<String> answer =
                visitor.submit(login, login, Map.of("login", account.email(), "password", SeedForms.PASSWORD));
        assertThat(answer.statusCode()).as("signed in").isEqualTo(302);
        return visitor;
    }

    private HttpResponse<String> request(Visitor visitor, String email) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> sent = visitor.submit(
                CENTER + "/rights/access?region=EU",
                CENTER + "/requests",
                Map.of("type", "access", "email", email, "region", "EU"));
        assertThat(sent.statusCode()).as(Pages.text(sent.body())).isEqualTo(302);
        return sent;
    }

    private String status(String statusPage) {
        String token = statusPage.substring(statusPage.lastIndexOf('/') + 1);
        return Json.read(new Visitor(port)
                        .get("/api/v1/sites/olympus-ims/requests/" + token)
                        .body())
                .get("status")
                .asString();
    }

    private static String location(HttpResponse<String> answer) {
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }
}
