package dev.steward.disclosures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.platform.FieldError;
import dev.steward.platform.HashChain;
import dev.steward.platform.InvalidInputException;
import dev.steward.test.Http;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.vault.ChainCheckpoints;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Disclosures to recipients: only as the catalog declares them, kept as hash-chained evidence, shown to staff. */
@StewardTest
@RecordApplicationEvents
class DisclosuresTest {

    private static final String OLYMPUS = "olympus-ims";
    private static final String CONTACT_FORM = "contact-form";

    @LocalServerPort
    int port;

    @Autowired
    Disclosures disclosures;

    @Autowired
    Identities identities;

    @Autowired
    ChainCheckpoints checkpoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDisclosureToADeclaredRecipientIsRecordedAndShownToStaffWithAnAuditedRead() {
        SubjectId subject = subject();
        Disclosure europa = disclosures.record(NewDisclosure.of(
                        OLYMPUS, subject, "olympus-europa", CONTACT_FORM, List.of("contact-details", "correspondence"))
                .because("gdpr-6-1-a", "routing:location=DE"));
        disclosures.record(NewDisclosure.of(OLYMPUS, subject, "aspire", CONTACT_FORM, List.of("contact-details")));

        assertThat(disclosures.recipientsOf(subject))
                .extracting(DisclosedRecipient::recipient, DisclosedRecipient::name, DisclosedRecipient::country)
                .containsExactly(
                        tuple("olympus-europa", "Olympus Europa SE & Co. KG", "DE"), tuple("aspire", "Aspire", "US"));
        assertThat(events.stream(DataDisclosed.class).map(DataDisclosed::disclosure))
                .contains(europa.id());

        long readsBefore = reads(subject);
        HttpResponse<String> staffView = http.get("/api/v1/admin/subjects/" + subject + "/disclosures", admin());

        assertThat(staffView.statusCode()).isEqualTo(200);
        assertThat(staffView.body())
                .contains("\"recipient\":\"olympus-europa\"")
                .contains("\"name\":\"Olympus Europa SE & Co. KG\"")
                .contains("\"categories\":[\"contact-details\",\"correspondence\"]")
                .contains("\"legalBasis\":\"gdpr-6-1-a\"")
                .contains("\"recipient\":\"aspire\"");
        assertThat(reads(subject)).isEqualTo(readsBefore + 1);
    }

    @Test
    void aRecipientTheCatalogDoesNotDeclareOrTheActivityDoesNotListIsRefusedAndNothingIsRecorded() {
        SubjectId subject = subject();
        long before = rows();

        assertThat(errors(NewDisclosure.of(OLYMPUS, subject, "data-broker", CONTACT_FORM, List.of("contact-details"))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("recipient", "undeclared-recipient"));
        assertThat(errors(NewDisclosure.of(
                        OLYMPUS, subject, "olympus-europa", "software-download", List.of("contact-details"))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("recipient", "recipient-not-listed"));
        assertThat(errors(NewDisclosure.of(
                        OLYMPUS, subject, "olympus-europa", CONTACT_FORM, List.of("account-credentials", "dna"))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(
                        tuple("categories", "category-not-collected"), tuple("categories", "undeclared-category"));
        assertThat(errors(NewDisclosure.of(
                        OLYMPUS, subject, "olympus-europa", "telemarketing", List.of("contact-details"))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("activity", "undeclared-activity"));
        assertThat(errors(NewDisclosure.of(OLYMPUS, subject, "olympus-europa", CONTACT_FORM, List.of("contact-details"))
                        .because("gdpr-6-1-c", null)))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("legalBasis", "undeclared-legal-basis"));
        assertThat(errors(NewDisclosure.of(
                        OLYMPUS, SubjectId.random(), "olympus-europa", CONTACT_FORM, List.of("contact-details"))))
                .extracting(FieldError::code)
                .containsExactly("unknown-subject");
        assertThat(rows()).isEqualTo(before);
        assertThat(disclosures.of(subject)).isEmpty();
    }

    @Test
    void staffSeeOnlyTheirSitesAndSupportAgentsMayNotReadDisclosures() {
        SubjectId subject = subject();
        disclosures.record(
                NewDisclosure.of(OLYMPUS, subject, "olympus-europa", CONTACT_FORM, List.of("contact-details")));

        HttpResponse<String> omronOfficer = http.get(
                "/api/v1/admin/subjects/" + subject + "/disclosures",
                StaffUsers.basic(StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare")));
        HttpResponse<String> auditor = http.get(
                "/api/v1/admin/subjects/" + subject + "/disclosures",
                StaffUsers.basic(StaffUsers.create(jdbc, "AUDITOR", OLYMPUS)));
        HttpResponse<String> agent = http.get(
                "/api/v1/admin/subjects/" + subject + "/disclosures",
                StaffUsers.basic(StaffUsers.create(jdbc, "SUPPORT_AGENT", null)));

        assertThat(omronOfficer.statusCode()).isEqualTo(200);
        assertThat(omronOfficer.body()).doesNotContain("olympus-europa");
        assertThat(auditor.body()).contains("olympus-europa");
        assertThat(agent.statusCode()).isEqualTo(403);
    }

    @Test
    void aChangedDisclosureRowBreaksTheChainAtThatRow() {
        SubjectId subject = subject();
        Disclosure disclosure = disclosures.record(
                NewDisclosure.of(OLYMPUS, subject, "olympus-europa", CONTACT_FORM, List.of("contact-details")));
        assertThat(verification().intact()).isTrue();

        tamper(disclosure.seq(), "olympus-america");
        try {
            HashChain.Verification broken = verification();

            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(disclosure.seq());
            assertThat(broken.describe()).contains("disclosure: BROKEN at row " + disclosure.seq());
        } finally {
            tamper(disclosure.seq(), "olympus-europa");
        }
        assertThat(verification().intact()).isTrue();
    }

    private HashChain.Verification verification() {
        return checkpoints.verifyAll().stream()
                .filter(chain -> chain.chain().equals("disclosure"))
                .findFirst()
                .orElseThrow();
    }

    /** What someone with the database's superuser could do: switch the guard off and rewrite history. */
    private void tamper(long seq, String recipient) {
        jdbc.sql("ALTER TABLE disclosure DISABLE TRIGGER disclosure_append_only")
                .update();
        try {
            jdbc.sql("UPDATE disclosure SET recipient = :recipient WHERE seq = :seq")
                    .param("recipient", recipient)
                    .param("seq", seq)
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE disclosure ENABLE TRIGGER disclosure_append_only")
                    .update();
        }
    }

    private List<FieldError> errors(NewDisclosure disclosure) {
        try {
            disclosures.record(disclosure);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("the disclosure was accepted");
    }

    private long reads(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'read-disclosures' AND subject_id = :subject")
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private long rows() {
        return jdbc.sql("SELECT count(*) FROM disclosure").query(Long.class).single();
    }

    private SubjectId subject() {
        return identities.forAddress(Identifier.email(UUID.randomUUID() + "@example.com"));
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }
}
