package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.StewardProperties;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.TestServer;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A site's integrator is answered as if only the site's people existed (attack13 M1): a person who gave data only to
 * Olympus is, to Omron's key, exactly an address or an id Steward never saw, and Omron's key files nothing under them.
 */
@StewardTest
class SiteSubjectsTest {

    static final String DECISIONS = "/api/v1/consent-decisions?site=";

    @LocalServerPort
    int port;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    Identities identities;

    @Autowired
    Vault vault;

    @Autowired
    ConsentFileImport imports;

    @Autowired
    StewardProperties properties;

    @Autowired
    TestClock clock;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anotherSitesKeyCannotTellAnOlympusPersonFromSomeoneNeverSeen() {
        String victim = Canary.email("m1-victim");
        HttpResponse<String> filed = http.postJson(
                "/api/v1/sites/olympus-ims/requests",
                "{\"type\":\"access\",\"email\":\"" + victim + "\",\"region\":\"EU\"}");
        assertThat(filed.statusCode()).isEqualTo(202);
        List<SubjectId> carrying = identities.carrying(Identifier.email(victim));
        assertThat(carrying).hasSize(1);
        SubjectId olympusOnly = carrying.get(0);
        String omron = createKey("{\"name\":\"omron shop\",\"kind\":\"integrator\",\"sites\":[\"omron-healthcare\"]}");
        String everySite = createKey("{\"name\":\"every site\",\"kind\":\"integrator\"}");
        String olympus = createKey("{\"name\":\"olympus shop\",\"kind\":\"integrator\",\"sites\":[\"olympus-ims\"]}");
        String offers = "omron-healthcare&purpose=special-offers&subject=";

        for (String key : List.of(omron, everySite)) {
            HttpResponse<String> byAddress = http.get(DECISIONS + offers + victim, Http.bearer(key));
            HttpResponse<String> nobody = http.get(DECISIONS + offers + Canary.email("m1-nobody"), Http.bearer(key));
            assertThat(byAddress.statusCode()).isEqualTo(200);
            assertThat(byAddress.body())
                    .contains("\"reason\":\"unknown-subject\"")
                    .contains("\"subject\":null");
            assertThat(withoutTime(byAddress.body())).isEqualTo(withoutTime(nobody.body()));

            HttpResponse<String> byId = http.get(DECISIONS + offers + olympusOnly, Http.bearer(key));
            HttpResponse<String> neverIssued = http.get(DECISIONS + offers + SubjectId.random(), Http.bearer(key));
            assertThat(byId.body()).contains("\"reason\":\"unknown-subject\"").contains("\"subject\":null");
            assertThat(withoutTime(byId.body())).isEqualTo(withoutTime(neverIssued.body()));
        }
        assertThat(http.get(DECISIONS + "olympus-ims&purpose=newsletter&subject=" + victim, Http.bearer(olympus))
                        .body())
                .as("Olympus's own key still finds its person")
                .contains("\"reason\":\"no-consent\"")
                .contains("\"subject\":\"" + olympusOnly + "\"");

        String event = "{\"site\":\"omron-healthcare\",\"purpose\":\"special-offers\",\"action\":\"given\","
                + "\"wording\":\"w\",\"method\":\"api\",";
        HttpResponse<String> joined = http.postJson(
                "/api/v1/consent-events", event + "\"subject\":\"" + olympusOnly + "\"}", Http.bearer(omron));
        SubjectId random = SubjectId.random();
        HttpResponse<String> unknown =
                http.postJson("/api/v1/consent-events", event + "\"subject\":\"" + random + "\"}", Http.bearer(omron));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(joined.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(joined.body().replace(olympusOnly.toString(), "ID"))
                .isEqualTo(unknown.body().replace(random.toString(), "ID"))
                .contains("\"code\":\"not-found\"");
        assertThat(ledger.history(olympusOnly)).as("nothing written").isEmpty();

        HttpResponse<String> withdrawn = http.postJson(
                "/api/v1/consent-events",
                "{\"site\":\"omron-healthcare\",\"purpose\":\"special-offers\",\"action\":\"withdrawn\",\"email\":\""
                        + victim + "\"}",
                Http.bearer(omron));
        assertThat(withdrawn.statusCode())
                .as("a withdrawal by an address known only elsewhere, as by an address never seen")
                .isEqualTo(422);
        assertThat(withdrawn.body()).contains("{\"field\":\"email\",\"code\":\"unknown-subject\"");
        assertThat(ledger.history(olympusOnly)).isEmpty();

        HttpResponse<String> byAddress =
                http.postJson("/api/v1/consent-events", event + "\"email\":\"" + victim + "\"}", Http.bearer(omron));
        assertThat(byAddress.statusCode()).isEqualTo(201);
        assertThat(byAddress.body()).doesNotContain(olympusOnly.toString());
        assertThat(ledger.history(olympusOnly))
                .as("filed under a subject of Omron's, not Olympus's")
                .isEmpty();
        String omronSubject = Http.group(byAddress.body(), "\"subject\":\"([^\"]+)\"");
        assertThat(http.get(DECISIONS + offers + victim, Http.bearer(omron)).body())
                .as("special offers need a double opt-in")
                .contains("\"reason\":\"awaiting-confirmation\"")
                .contains("\"subject\":\"" + omronSubject + "\"");
        assertThat(http.get(DECISIONS + "olympus-ims&purpose=newsletter&subject=" + victim, Http.bearer(olympus))
                        .body())
                .as("and Olympus's key still sees its own person alone")
                .contains("\"subject\":\"" + olympusOnly + "\"");
        HttpResponse<String> again =
                http.postJson("/api/v1/consent-events", event + "\"email\":\"" + victim + "\"}", Http.bearer(omron));
        assertThat(Http.group(again.body(), "\"subject\":\"([^\"]+)\""))
                .as("the next consent by the address files under the subject known on Omron now")
                .isEqualTo(omronSubject);
    }

    @Test
    void aPersonWhoComesOntoTheSiteIsKnownThereOnEveryNodeWithinASecond() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("m1-later")));
        vault.store(subject, record("olympus-ims", "contact-form", "correspondence-terminated", "m1-later"));
        String id = subject.toString();
        assertThat(decisions
                        .decide("olympus-ims", id, "respond-to-inquiries", null)
                        .subject())
                .as("cached, as known on Olympus")
                .isEqualTo(id);
        assertThat(decisions.decide("lab", id, "newsletter", null).reason())
                .as("answered from the cached entry, which knows the subject only on Olympus")
                .isEqualTo("unknown-subject");
        try (ConfigurableApplicationContext second = TestServer.start(
                clock,
                properties.database().url(),
                properties.dataDir(),
                "--steward.catalog=" + StewardTest.CATALOGS)) {
            ConsentDecisions there = second.getBean(ConsentDecisions.class);
            assertThat(there.decide("olympus-ims", id, "respond-to-inquiries", null)
                            .subject())
                    .isEqualTo(id);
            assertThat(there.decide("lab", id, "newsletter", null).reason()).isEqualTo("unknown-subject");

            vault.store(subject, record("lab", "trial", "trial-period", "m1-later"));

            for (ConsentDecisions node : List.of(decisions, there)) {
                assertWithinOneSecond(() -> "no-consent"
                        .equals(node.decide("lab", id, "newsletter", null).reason()));
                assertThat(node.decide("lab", id, "newsletter", null).subject()).isEqualTo(id);
                assertThat(node.decide("lab", Canary.email("m1-later"), "newsletter", null)
                                .subject())
                        .isEqualTo(id);
            }
        }
    }

    /**
     * The staff's consent import files a site's lines as the consent API does: under a subject that site knows, else
     * under a new one, so that a file of lab lines never joins a person who gave data only to Olympus, and a withdrawal
     * for their address is a problem of its line, as an address Steward never saw.
     */
    @Test
    void anImportsLinesForOneSiteNeverJoinAPersonOfAnother(@TempDir Path dir) throws IOException {
        String address = Canary.email("m1-import");
        SubjectId olympusOnly = identities.forAddress(Identifier.email(address));
        vault.store(olympusOnly, record("olympus-ims", "contact-form", "correspondence-terminated", "m1-import"));
        String header = "site,email,purpose,action,occurred_at,method,wording\n";
        String withdrawn = header + "lab," + address + ",newsletter,withdrawn,2026-01-06T10:00:00Z,,\n";

        assertThat(imports.check(read(dir, withdrawn)).problems())
                .extracting(ConsentCsvFile.Problem::message)
                .containsExactly("email: Steward holds nothing about this address on site 'lab' and no line before"
                        + " gives a consent for it there");

        imports.write(
                imports.check(read(
                        dir,
                        header + "lab," + address + ",newsletter,given,2026-01-05T10:00:00Z,import,"
                                + "\"Send me the monthly lab newsletter.\"\n")),
                rows -> {});
        imports.write(imports.check(read(dir, withdrawn)), rows -> {});

        List<SubjectId> carrying = identities.carrying(Identifier.email(address));
        assertThat(carrying).hasSize(2).contains(olympusOnly);
        SubjectId onLab = carrying.get(carrying.indexOf(olympusOnly) == 0 ? 1 : 0);
        assertThat(ledger.history(olympusOnly)).isEmpty();
        assertThat(ledger.history(onLab))
                .extracting(event -> event.site() + " " + event.action())
                .containsExactly("lab GIVEN", "lab WITHDRAWN");
    }

    /**
     * A campaign's person is the subjects carrying one address: of those, only the site's count, so that a subject
     * another site knows is not named in the site's decisions, exactly as for a decision asked by address.
     */
    @Test
    void aCampaignsPersonIsOnlyTheSubjectsTheSiteKnows() {
        String address = Canary.email("m1-campaign");
        SubjectId olympusOnly = identities.forAddress(Identifier.email(address));
        vault.store(olympusOnly, record("olympus-ims", "contact-form", "correspondence-terminated", "m1-campaign"));

        ConsentDecision decided = decisions
                .decideEach("lab", List.of("newsletter"), List.of(List.of(olympusOnly)), clock.instant())
                .get("newsletter")
                .get(0);

        assertThat(decided.reason()).isEqualTo("unknown-subject");
        assertThat(decided.subject()).isNull();
        assertThat(decided)
                .isEqualTo(decisions
                        .decideEach("lab", List.of("newsletter"), List.of(List.of()), clock.instant())
                        .get("newsletter")
                        .get(0));
    }

    private static ConsentFileImport.Read read(Path dir, String text) throws IOException {
        Path file = dir.resolve("consents.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ConsentFileImport.read(file, bytes -> {});
    }

    private static void assertWithinOneSecond(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("seen within one second").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static NewRecord record(String site, String activity, String rule, String who) {
        return new NewRecord(
                site,
                activity,
                "1",
                "gdpr-6-1-b",
                "EU",
                rule,
                null,
                RecordState.ACTIVE,
                Map.of("email", Canary.email(who)));
    }

    private static String withoutTime(String decision) {
        return decision.replaceAll("\"at\":\"[^\"]+\"", "");
    }

    private String createKey(String json) {
        HttpResponse<String> created =
                http.postJson("/api/v1/admin/api-keys", json, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        return Http.group(created.body(), "\"token\":\"([^\"]+)\"");
    }
}
