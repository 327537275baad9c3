package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.LedgerVerifications;
import dev.steward.test.Scrape;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The metrics an operator alerts on, read as Prometheus reads them after using Steward as visitors and staff do:
 * form submissions by outcome and refusal code, consent events and receipts, the evidence chains' verification and
 * checkpoint age. No label carries anything a person entered.
 */
@StewardTest
@TestPropertySource(properties = Scrape.OWN_CONTEXT)
class DomainMetricsTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    String[] key;

    @BeforeEach
    void scraper() {
        key = Scrape.metricsKey(port);
    }

    @Test
    void formSubmissionsAreCountedByOutcomeAndRefusalCodeAndConsentsWithTheirReceipts() {
        SeedForms.Filled contact = SeedForms.olympusContact();
        Scrape before = Scrape.of(port, key);

        assertThat(new Visitor(port).postJson(contact.apiPath(), contact.json()).statusCode())
                .isEqualTo(201);
        Visitor flooding = new Visitor(port);
        for (int i = 0; i < 30; i++) {
            assertThat(flooding.postJson(contact.apiPath(), "{}").statusCode()).isEqualTo(422);
        }
        assertThat(flooding.postJson(contact.apiPath(), contact.json()).statusCode())
                .isEqualTo(429);
        Scrape after = Scrape.of(port, key);

        assertThat(after.since(before, "steward_intake_submissions_total", contactForm("outcome", "accepted")))
                .isEqualTo(1);
        assertThat(after.since(before, "steward_intake_submissions_total", contactForm("outcome", "refused")))
                .isEqualTo(30);
        assertThat(after.since(before, "steward_intake_submissions_total", contactForm("outcome", "rate-limited")))
                .isEqualTo(1);
        assertThat(after.since(before, "steward_intake_refusals_total", contactForm("code", "required")))
                .isEqualTo(30);
        double given = after.since(before, "steward_consent_events_total", "site", "olympus-ims", "action", "given");
        assertThat(given)
                .as("one event per ticked box")
                .isEqualTo(contact.consents().size());
        assertThat(after.since(before, "steward_consent_receipts_total", "site", "olympus-ims", "action", "given"))
                .isEqualTo(given);
        assertThat(after.text()).doesNotContainIgnoringCase(Canary.MARKER).doesNotContain(contact.email());
    }

    @Test
    void theChainsVerificationAndTheAgeOfTheirLastCheckpointAreMetrics() {
        SeedForms.Filled contact = SeedForms.olympusContact();
        assertThat(new Visitor(port).postJson(contact.apiPath(), contact.json()).statusCode())
                .isEqualTo(201);
        assertThat(new Http(port)
                        .send("POST", "/api/v1/admin/ledger/checkpoints", ADMIN)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Scrape.of(port, key).value("steward_evidence_checkpoint_age_seconds", "chain", "consent"))
                .as("the consent chain's head was signed just now")
                .isZero();
        clock.advance(Duration.ofSeconds(90));
        assertThat(Scrape.of(port, key).value("steward_evidence_checkpoint_age_seconds", "chain", "consent"))
                .isEqualTo(90);

        assertThat(LedgerVerifications.run(new Http(port), ADMIN).get("status").asString())
                .isEqualTo("finished");
        Scrape intact = Scrape.of(port, key);
        assertThat(intact.value("steward_evidence_chain_intact", "chain", "consent"))
                .isEqualTo(1);
        assertThat(intact.labels("steward_evidence_chain_intact"))
                .extracting(labels -> labels.get("chain"))
                .contains("consent", "audit", "erasure", "disclosure", "deletion-certificates");
        assertThat(intact.value("steward_evidence_verified_timestamp_seconds"))
                .isEqualTo(clock.instant().getEpochSecond());

        long seq =
                jdbc.sql("SELECT max(seq) FROM consent_event").query(Long.class).single();
        String action = jdbc.sql("SELECT action FROM consent_event WHERE seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
        try {
            tamper("UPDATE consent_event SET action = 'objected' WHERE seq = " + seq);
            LedgerVerifications.run(new Http(port), ADMIN);
            assertThat(Scrape.of(port, key).value("steward_evidence_chain_intact", "chain", "consent"))
                    .as("a broken chain reads 0")
                    .isZero();
        } finally {
            tamper("UPDATE consent_event SET action = '" + action + "' WHERE seq = " + seq);
        }
        LedgerVerifications.run(new Http(port), ADMIN);
        assertThat(Scrape.of(port, key).value("steward_evidence_chain_intact", "chain", "consent"))
                .isEqualTo(1);
    }

    @Test
    void metricsNeedAMetricsKeyOrAnAdministratorOfEverySite() {
        assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(new Http(port).get("/actuator/prometheus", ADMIN).body())
                .contains("steward_evidence_verified_timestamp_seconds");
    }

    /** The labels of Olympus's contact form, and one more. */
    private static String[] contactForm(String label, String value) {
        return new String[] {"site", "olympus-ims", "form", "contact", label, value};
    }

    private void tamper(String statement) {
        jdbc.sql("ALTER TABLE consent_event DISABLE TRIGGER USER").update();
        try {
            jdbc.sql(statement).update();
        } finally {
            jdbc.sql("ALTER TABLE consent_event ENABLE TRIGGER USER").update();
        }
    }
}
