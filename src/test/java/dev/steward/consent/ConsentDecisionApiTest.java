package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@StewardTest
class ConsentDecisionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    JsonMapper json;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anIntegratorKeyScopedToASiteGetsDecisionsForThatSiteOnly() {
        String token = createKey("{\"name\":\"lab shop\",\"kind\":\"integrator\",\"sites\":[\"lab\"]}");
        SubjectId subject = subscribedToTheLabNewsletter("decided");

        HttpResponse<String> byId = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=" + subject, Http.bearer(token));
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body())
                .contains("\"decision\":\"allowed\"")
                .contains("\"reason\":\"consent-given\"")
                .contains("\"legalBasis\":[{\"key\":\"gdpr-6-1-a\",\"citation\":\"Art. 6(1)(a) GDPR\"}]")
                .contains("\"receipt\":\"/receipts/");

        HttpResponse<String> byEmail = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject="
                        + Canary.email("decided").toUpperCase(),
                Http.bearer(token));
        assertThat(byEmail.body()).contains("\"subject\":\"" + subject + "\"");

        HttpResponse<String> later = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&at=2099-01-01T00:00:00Z&subject=" + subject,
                Http.bearer(token));
        assertThat(later.body())
                .as("the valve writes its answer itself: byte for byte what the application's Jackson writes")
                .isEqualTo(json.writeValueAsString(decisions.decide(
                        "lab", subject.toString(), "newsletter", Instant.parse("2099-01-01T00:00:00Z"))))
                .contains("\"event\":{\"id\":");

        HttpResponse<String> otherSite = http.get(
                "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=" + subject, Http.bearer(token));
        assertThat(otherSite.statusCode()).isEqualTo(404);
    }

    @Test
    void callsWithoutAValidKeyAreRefused() {
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        assertThat(http.get(path).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = http.get(path, Http.bearer("stw_nothing_wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"code\":\"invalid-api-key\"");
        assertThat(http.get(path, Http.basic("admin", "not-the-password")).statusCode())
                .isEqualTo(401);
        assertThat(http.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .statusCode())
                .as("integrator keys only: staff record consent through the console")
                .isEqualTo(403);
    }

    @Test
    void aKnownPrefixWithAnyOtherSecretIsRefused() {
        String token = createKey("{\"name\":\"guessed\",\"sites\":[\"lab\"]}");
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        assertThat(http.get(path, Http.bearer(token)).statusCode()).isEqualTo(200);
        String last = token.substring(token.length() - 1);
        String wrongLast = token.substring(0, token.length() - 1) + (last.equals("a") ? "b" : "a");
        for (String guess : List.of(
                wrongLast,
                token.substring(0, token.length() - 1),
                token + "a",
                token + "é",
                token + "a".repeat(200),
                token.substring(0, token.lastIndexOf('_') + 1))) {
            assertThat(http.get(path, Http.bearer(guess)).statusCode())
                    .as(guess)
                    .isEqualTo(401);
        }
        assertThat(http.get(path, Http.bearer(token)).statusCode())
                .as("the key itself still works after the guesses")
                .isEqualTo(200);
    }

    @Test
    void theTokenCountsWhereItStandsInTheHeaderWithSpacesBeforeIt() {
        // the gate reads the token inside the header instead of a copy of it: the spaces before it still do not count
        String token = createKey("{\"name\":\"spaced\",\"sites\":[\"lab\"]}");
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        assertThat(http.get(path, "Authorization", "Bearer    " + token).statusCode())
                .isEqualTo(200);
        assertThat(http.get(path, "Authorization", "bearer \t" + token).statusCode())
                .isEqualTo(200);
        assertThat(http.get(path, "Authorization", "Bearer " + token.replace("stw_", "stw"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.get(path, "Authorization", "Bearer    ").statusCode()).isEqualTo(401);
    }

    @Test
    void theAnswerNamesTheSubjectByItsCanonicalIdWhateverTheCaseItWasAskedIn() {
        // the answer reuses the asked text only when it is the id's canonical text (bench/README.md, "alloc")
        String token = createKey("{\"name\":\"cased\",\"sites\":[\"lab\"]}");
        SubjectId subject = subscribedToTheLabNewsletter("cased");
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=";

        HttpResponse<String> lower = http.get(path + subject, Http.bearer(token));
        HttpResponse<String> upper = http.get(path + subject.toString().toUpperCase(), Http.bearer(token));

        assertThat(lower.statusCode()).isEqualTo(200);
        assertThat(upper.statusCode()).isEqualTo(200);
        assertThat(lower.body()).contains("\"subject\":\"" + subject + "\"");
        assertThat(upper.body()).contains("\"subject\":\"" + subject + "\"");
        String at = "\"at\":\"[^\"]*\"";
        assertThat(upper.body().replaceAll(at, "")).isEqualTo(lower.body().replaceAll(at, ""));
    }

    @Test
    void aRevokedKeyStopsWorkingAndIntegratorKeysCannotUseTheStaffApi() {
        String token = createKey("{\"name\":\"to revoke\",\"sites\":[\"lab\"]}");
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        assertThat(http.get(path, Http.bearer(token)).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/admin/api-keys", Http.bearer(token)).statusCode())
                .isEqualTo(403);

        String id = Http.group(
                http.get("/api/v1/admin/api-keys", admin()).body(),
                "\"id\":\"([^\"]+)\",\"prefix\":\"" + token.split("_")[1]);
        assertThat(http.send("DELETE", "/api/v1/admin/api-keys/" + id, admin()).statusCode())
                .isEqualTo(204);

        assertThat(http.get(path, Http.bearer(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void badQuestionsGetSpecificErrors() {
        String token = createKey("{\"name\":\"errors\",\"sites\":[\"lab\"]}");

        HttpResponse<String> undeclared = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=profiling&subject=a@example.org", Http.bearer(token));
        assertThat(undeclared.statusCode()).isEqualTo(422);
        assertThat(undeclared.body()).contains("{\"field\":\"purpose\",\"code\":\"undeclared-purpose\"");
        HttpResponse<String> missing =
                http.get("/api/v1/consent-decisions?site=lab&purpose=newsletter", Http.bearer(token));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("{\"field\":\"subject\",\"code\":\"required\"");
        HttpResponse<String> badTime = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org&at=yesterday",
                Http.bearer(token));
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("{\"field\":\"at\",\"code\":\"invalid\"");
        HttpResponse<String> beyondTheCalendar = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org"
                        + "&at=%2B999999999-01-01T00:00:00Z",
                Http.bearer(token));
        assertThat(beyondTheCalendar.statusCode()).isEqualTo(400);
        assertThat(beyondTheCalendar.body()).contains("{\"field\":\"at\",\"code\":\"invalid\"");
        HttpResponse<String> unknown = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=nobody@example.org", Http.bearer(token));
        assertThat(unknown.body()).contains("\"decision\":\"denied\"").contains("\"reason\":\"unknown-subject\"");

        HttpResponse<String> badKey =
                http.postJson("/api/v1/admin/api-keys", "{\"name\":\"x\",\"kind\":\"robot\"}", admin());
        assertThat(badKey.statusCode()).isEqualTo(422);
        assertThat(badKey.body()).contains("{\"field\":\"kind\",\"code\":\"invalid\"");
        HttpResponse<String> badSite =
                http.postJson("/api/v1/admin/api-keys", "{\"name\":\"x\",\"sites\":[\"nowhere\"]}", admin());
        assertThat(badSite.body()).contains("{\"field\":\"sites\",\"code\":\"unknown-site\"");
    }

    @Test
    void theLeanPathAnswersWithTheHeadersAndErrorsOfEveryOtherAnswer() {
        String token = createKey("{\"name\":\"lean\",\"sites\":[\"lab\"]}");

        HttpResponse<String> answered = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org", Http.bearer(token));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(answered.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answered.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(answered.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answered.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        HttpResponse<String> throughTheFullStack =
                http.get("/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org", admin());
        Map<String, List<String>> refused = headers(throughTheFullStack);
        assertThat(refused.remove("content-language"))
                .as("the full stack's refusal of HTTP Basic here, worded in the caller's language")
                .containsExactly("en");
        assertThat(headers(answered))
                .as("the valve hands its headers to Tomcat as bytes: the same ones")
                .isEqualTo(refused);
        assertThat(answered.headers().allValues("Date"))
                .as("the valve's own date, and not Tomcat's beside it")
                .hasSize(1);
        HttpResponse<String> escaped = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a%40example.org", Http.bearer(token));
        assertThat(withoutTime(escaped.body()))
                .as("a query with escapes is read by Tomcat's parser, a plain one from its bytes: the same question")
                .isEqualTo(withoutTime(answered.body()))
                .contains("\"reason\":\"unknown-subject\"");

        HttpResponse<String> nothing = http.get("/api/v1/consent-decisions", Http.bearer(token));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body())
                .contains("{\"field\":\"site\",\"code\":\"required\"")
                .contains("{\"field\":\"subject\",\"code\":\"required\"")
                .contains("{\"field\":\"purpose\",\"code\":\"required\"");
        assertThat(nothing.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> otherSite = http.get(
                "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=a@example.org&at=yesterday",
                Http.bearer(token));
        assertThat(otherSite.statusCode()).as("parameters first, then the site").isEqualTo(400);
        HttpResponse<String> outOfReach = http.get(
                "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=a@example.org",
                Http.bearer(token));
        assertThat(outOfReach.statusCode()).isEqualTo(404);
        assertThat(outOfReach.body()).contains("\"code\":\"not-found\"").doesNotContain("newsletter");

        HttpResponse<String> past = http.get(
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=a@example.org"
                        + "&at=2020-01-01T00:00:00%2B01:00",
                Http.bearer(token));
        assertThat(past.body()).contains("\"at\":\"2019-12-31T23:00:00Z\"");
    }

    private static String withoutTime(String decision) {
        return decision.replaceAll("\"at\":\"[^\"]+\"", "");
    }

    /** An answer's headers, but for those that differ between any two answers (date, length, connection). */
    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeAll(Set.of("date", "content-length", "keep-alive", "connection"));
        return headers;
    }

    @Test
    void integratorsRecordConsentsThemselvesWithAReceipt() {
        String token = createKey("{\"name\":\"banner\",\"sites\":[\"lab\"]}");

        HttpResponse<String> recorded = http.postJson(
                "/api/v1/consent-events",
                "{\"site\":\"lab\",\"email\":\"" + Canary.email("banner")
                        + "\",\"purpose\":\"newsletter\",\"action\":\"given\","
                        + "\"wording\":\"Send me the monthly lab newsletter.\",\"method\":\"banner\"}",
                Http.bearer(token));
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(recorded.body()).contains("\"action\":\"given\"").contains("\"receipt\":\"/receipts/");

        String person = "\"email\":\"" + Canary.email("banner") + "\"";
        Map<String, String> refusals = Map.of(
                person + ",\"action\":\"shrugged\"",
                "{\"field\":\"action\",\"code\":\"invalid\"",
                person + ",\"subject\":\"" + SubjectId.random() + "\",\"action\":\"withdrawn\"",
                "{\"field\":\"email\",\"code\":\"subject-given\"",
                "\"email\":\"not-an-address\",\"action\":\"withdrawn\"",
                "{\"field\":\"email\",\"code\":\"invalid\"",
                // spellings a mail server may take for a known mailbox but the blind index not (attack16)
                "\"email\":\"banner@[127.0.0.1]\",\"action\":\"given\",\"wording\":\"Send me the monthly lab newsletter.\"",
                "{\"field\":\"email\",\"code\":\"invalid\"",
                "\"email\":\"banner@example.org.\",\"action\":\"given\",\"wording\":\"Send me the monthly lab newsletter.\"",
                "{\"field\":\"email\",\"code\":\"invalid\"",
                person + ",\"action\":\"lapsed\"",
                "{\"field\":\"action\",\"code\":\"not-for-integrators\"");
        refusals.forEach((fields, error) -> {
            HttpResponse<String> refused = http.postJson(
                    "/api/v1/consent-events",
                    "{\"site\":\"lab\",\"purpose\":\"newsletter\"," + fields + "}",
                    Http.bearer(token));
            assertThat(refused.statusCode()).as(fields).isEqualTo(422);
            assertThat(refused.body()).as(fields).contains(error);
        });
    }

    /**
     * An integrator that relays a withdrawal without saying where the person is: the withdrawal goes under the
     * jurisdiction of the person's consent, not the site's default (Olympus: Japan, where this purpose needs no
     * consent), so the decision denies what was withdrawn.
     */
    @Test
    void aWithdrawalRelayedWithoutAJurisdictionIsJudgedWhereTheConsentWasGiven() {
        String token = createKey("{\"name\":\"relay\",\"sites\":[\"olympus-ims\"]}");
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("relayed-withdrawal")));
        ledger.record(ConsentRequest.of(
                        subject, "olympus-ims", "respond-to-inquiries", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withWording("Answer my inquiry.")
                .withJurisdiction("EU"));
        assertThat(decisions
                        .decide("olympus-ims", subject.toString(), "respond-to-inquiries", null)
                        .allowed())
                .isTrue();

        HttpResponse<String> withdrawn = http.postJson(
                "/api/v1/consent-events",
                "{\"site\":\"olympus-ims\",\"subject\":\"" + subject
                        + "\",\"purpose\":\"respond-to-inquiries\",\"action\":\"withdrawn\"}",
                Http.bearer(token));

        assertThat(withdrawn.statusCode()).isEqualTo(201);
        ConsentDecision decision = decisions.decide("olympus-ims", subject.toString(), "respond-to-inquiries", null);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo("consent-withdrawn");
        assertThat(decision.jurisdiction()).isEqualTo("EU");
    }

    private String createKey(String json) {
        HttpResponse<String> created = http.postJson("/api/v1/admin/api-keys", json, admin());
        assertThat(created.statusCode()).isEqualTo(201);
        return Http.group(created.body(), "\"token\":\"([^\"]+)\"");
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }

    /** A person who gave consent to the lab's newsletter on its form. */
    private SubjectId subscribedToTheLabNewsletter(String name) {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email(name)));
        ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withWording("Send me the monthly lab newsletter."));
        return subject;
    }
}
