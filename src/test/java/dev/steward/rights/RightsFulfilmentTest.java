package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.consent.ConsentDecisions;
import dev.steward.disclosures.DisclosureStoppedException;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.mail.MailStatus;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.LabTestBase;
import dev.steward.test.Receiver;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.SubjectTraces;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordState;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Each right carried out: what changes in the vault, the ledger, the mail and for recipients. */
@StewardTest
class RightsFulfilmentTest extends LabTestBase {

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    Disclosures disclosures;

    @Autowired
    SuppressionList suppression;

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PortabilityTransfers transfers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void erasureKeepsWhatTheLawObligesUsToKeepAndSaysWhy() {
        SubjectId subject = customers.customer("keeper");

        String id = received("keeper", "{\"type\":\"erasure\",\"grounds\":[\"consent-withdrawn\"]}");
        fulfil(id);

        assertThat(vault.records(subject)).extracting(RecordSummary::activity).containsExactly("invoicing");
        assertThat(vault.exists(subject)).isTrue();
        String answer = inbox.newestTextTo(Canary.email("keeper"));
        assertThat(answer)
                .contains("We erased 1 of your records.")
                .contains("- Invoicing, collected on ")
                .contains("the law obliges us to keep it for 10 years after collection.")
                .contains("Commercial law keeps invoices for ten years.")
                .doesNotContain("- invoicing");
        assertThat(Json.rows(
                        Json.read(staff("/api/v1/admin/requests/" + id).body()).get("recipientNotices"),
                        "recipient",
                        "change"))
                .containsExactlyInAnyOrder("lab-accounting | erased", "lab-printer | erased");
    }

    @Test
    void erasureLeavesRecordsUnderALegalHoldSaysWhyAndErasesThemOnceTheHoldIsReleased() {
        SubjectId subject = customers.subscriber("litigant");
        LocalDate until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(400);
        JsonNode hold = Json.read(staffPost(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + subject + "\",\"reason\":\"Court case 7 O 12/26\",\"until\":\"" + until
                                + "\"}")
                .body());

        fulfil(received("litigant", "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}"));

        assertThat(vault.records(subject)).extracting(RecordSummary::activity).containsExactly("newsletter");
        assertThat(suppression.contains(Identifier.email(Canary.email("litigant"))))
                .isFalse();
        assertThat(inbox.newestTextTo(Canary.email("litigant")))
                .contains("We erased none of your records.")
                .contains("- Lab newsletter, collected on ")
                .contains("it is under a legal hold (Court case 7 O 12/26). We keep it until "
                        + until.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.ENGLISH))
                        + ".");

        staffPost("/api/v1/admin/holds/" + hold.get("id").asString() + "/release", "{\"reason\":\"settled\"}");
        fulfil(received("litigant", "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}"));

        assertThat(vault.exists(subject)).isFalse();
    }

    @Test
    void erasureOfEverythingDestroysTheKeySuppressesTheAddressAndStillConfirms() {
        SubjectId subject = customers.subscriber("leaver");

        fulfil(received("leaver", "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}"));

        assertThat(vault.exists(subject)).isFalse();
        assertThat(identities.carrying(Identifier.email(Canary.email("leaver"))).stream()
                        .findFirst())
                .isEmpty();
        assertThat(suppression.contains(Identifier.email(Canary.email("leaver"))))
                .isTrue();
        assertThat(inbox.newestTextTo(Canary.email("leaver"))).contains("All your data held for this site is erased");
    }

    @Test
    void erasingTheRequesterSettlesTheirRequestsOpenOnesGoAnsweredOnesStayNamingNobody() {
        SubjectId subject = customers.subscriber("settled");
        String answered = received("settled", "{\"type\":\"notification\"}");
        String open = received("settled", "{\"type\":\"access\"}");
        String erasure = received("settled", "{\"type\":\"erasure\",\"grounds\":[\"no-longer-necessary\"]}");

        fulfil(erasure);

        assertThat(vault.exists(subject)).isFalse();
        assertThat(staff("/api/v1/admin/requests/" + open).statusCode())
                .as("an access request nobody can answer any more leaves the queue")
                .isEqualTo(404);
        assertThat(status(answered)).isEqualTo("completed");
        assertThat(status(erasure)).isEqualTo("completed");
        JsonNode kept = Json.read(staff("/api/v1/admin/requests/" + erasure).body());
        assertThat(kept.get("request").get("subject").isNull()).isTrue();
        assertThat(kept.get("request").get("outcome").asString()).isEqualTo("erased");
        for (String table : List.of("rights_request", "recipient_notice", "access_package", "restriction")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE subject_id = :subject")
                            .param("subject", subject.value())
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(SubjectTraces.of(jdbc, List.of(subject.value())))
                .as("every column of every table outside the evidence chains, the erasure's summary included")
                .isEmpty();
    }

    @Test
    void aRestrictedSubjectIsDeniedDecisionsGetsNoMailIsDisclosedToNobodyAndIsToldBeforeTheLifting() {
        SubjectId subject = customers.customer("restricted");
        String id = received("restricted", "{\"type\":\"restriction\",\"grounds\":[\"accuracy-disputed\"]}");
        assertThat(status(id)).isEqualTo("completed");

        assertThat(decisions.decide("lab", subject.toString(), "newsletter", null))
                .extracting(d -> d.allowed(), d -> d.reason())
                .containsExactly(false, "restricted");
        UUID marketing = queue(
                OutgoingMail.marketing("lab", subject, "newsletter", Canary.email("restricted"), "Offers", "Buy"));
        UUID service =
                queue(OutgoingMail.service("lab", subject, Canary.email("restricted"), "Your invoice", "Attached"));
        assertThat(mailer.status(marketing)).contains(MailStatus.DROPPED);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> disclosures.record(
                        NewDisclosure.of("lab", subject, "lab-printer", "invoicing", List.of("contact")))))
                .isInstanceOf(DisclosureStoppedException.class);

        UUID restriction =
                UUID.fromString(Json.read(staff("/api/v1/admin/restrictions").body())
                        .get("restrictions")
                        .valueStream()
                        .filter(r -> r.get("subject").asString().equals(subject.toString()))
                        .findFirst()
                        .orElseThrow()
                        .get("id")
                        .asString());
        clock.advance(Duration.ofSeconds(1));
        assertThat(staffPost("/api/v1/admin/restrictions/" + restriction + "/lift", "{}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode notice = inbox.newestTo(Canary.email("restricted"));
        assertThat(notice.get("subjectLine").asString()).contains("The restriction of your data will be lifted");
        assertThat(notice.get("category").asString()).isEqualTo(OutgoingMail.RESTRICTION_LIFTING);
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .allowed())
                .isTrue();
        assertThat(mailer.status(service)).isNotEqualTo(java.util.Optional.of(MailStatus.DROPPED));
    }

    @Test
    void withdrawalAndObjectionAreLedgerEventsThatStopFutureProcessing() {
        SubjectId subject = customers.customer("consent-withdrawer");

        assertThat(status(received("consent-withdrawer", "{\"type\":\"withdraw-consent\"}")))
                .isEqualTo("completed");
        assertThat(decisions
                        .decide("lab", subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-withdrawn");
        assertThat(inbox.newestTextTo(Canary.email("consent-withdrawer")))
                .contains("Processing based on it before the withdrawal remains lawful");

        SubjectId objector = customers.customer("objector");
        received("objector", "{\"type\":\"objection\",\"purposes\":[\"newsletter\"]}");
        assertThat(decisions
                        .decide("lab", objector.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("objected");
    }

    @Test
    void rectificationCorrectsEveryRecordMovesTheIdentifierAndKeepsTheStatement() {
        SubjectId subject = customers.customer("misspelt");
        String corrected = Canary.email("corrected");

        fulfil(received(
                "misspelt",
                "{\"type\":\"rectification\",\"changes\":{\"name\":\"" + Canary.name("Corrected") + "\",\"email\":\""
                        + corrected + "\"},\"statement\":\"I moved in March.\"}"));

        assertThat(vault.records(subject))
                .allSatisfy(record -> assertThat(vault.fields(record.id(), Access.system("test")))
                        .containsEntry("name", Canary.name("Corrected"))
                        .containsEntry("email", corrected));
        assertThat(identities.carrying(Identifier.email(corrected))).contains(subject);
        assertThat(identities.carrying(Identifier.email(Canary.email("misspelt"))))
                .as("the old address finds neither the person's data nor their request")
                .isEmpty();
        assertThat(inbox.newestTextTo(Canary.email("misspelt"))).contains("Your supplementary statement is added");
    }

    @Test
    void portabilityHandsOverTheProvidedDataInTheDocumentedSchemaAndPushesItWhereAsked() {
        customers.customer("mover");
        try (Receiver receiver = Receiver.start(0, "/import")) {
            String id = received(
                    "mover",
                    "{\"type\":\"portability\",\"transferTo\":\"http://localhost:" + receiver.port() + "/import\"}");
            fulfil(id);
            assertThat(receiver.received())
                    .as("nothing is sent while the request is fulfilled")
                    .isEmpty();
            assertThat(inbox.newestTextTo(Canary.email("mover")))
                    .contains("We are also sending it to localhost and will write to you once it has been accepted");

            clock.advance(Duration.ofSeconds(1));
            assertThat(transfers.deliverDue()).isEqualTo(1);

            Receiver.Received push = receiver.received().get(0);
            JsonNode pushed = Json.read(push.body());
            assertThat(pushed.get("$schema").asString()).isEqualTo(AccessPackages.PORTABILITY_SCHEMA);
            assertThat(pushed.get("records").toString())
                    .contains(Canary.email("mover"))
                    .contains("\"activity\":\"newsletter\"");
            assertThat(push.headers().get("idempotency-key")).isNotBlank();
            assertThat(jdbc.sql("SELECT status || ' ' || (document_enc IS NULL) FROM portability_transfer"
                                    + " WHERE request_id = CAST(:request AS uuid)")
                            .param("request", id)
                            .query(String.class)
                            .single())
                    .as("the document goes once it was accepted")
                    .isEqualTo("accepted true");
        }
        assertThat(inbox.newestTextTo(Canary.email("mover")))
                .contains("Your data was sent to localhost, which accepted it.");
        assertThat(http.get("/api/v1/schemas/portability.json").body()).contains(AccessPackages.PORTABILITY_SCHEMA);
    }

    @Test
    void theRequesterLearnsAtOnceWhichRecipientsTheirDataWentTo() {
        customers.customer("curious");

        String id = received("curious", "{\"type\":\"notification\"}");

        assertThat(status(id)).isEqualTo("completed");
        assertThat(inbox.newestTextTo(Canary.email("curious")))
                .contains("Lab Accounting Partner")
                .contains("Lab Print Shop");
    }

    @Test
    void inJapanAPersonHasTheirDataDisclosedAmendedAndDeleted() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("tanaka")));
        vault.store(
                subject,
                new NewRecord(
                        "olympus-ims",
                        "newsletter",
                        "2018-04-03",
                        "appi-consent",
                        "JP",
                        "while-subscribed",
                        null,
                        RecordState.ACTIVE,
                        Map.of("email", Canary.email("tanaka"), "lastName", Canary.name("Tanaka"))));

        fulfil(received("olympus-ims", "JP", "tanaka", "{\"type\":\"disclosure\"}"));
        assertThat(inbox.newestTextTo(Canary.email("tanaka"))).contains("/privacy-center/packages/");

        fulfil(received(
                "olympus-ims",
                "JP",
                "tanaka",
                "{\"type\":\"amendment\",\"changes\":{\"lastName\":\"" + Canary.name("Tanaka-Sato") + "\"}}"));
        assertThat(vault.fields(vault.records(subject).get(0).id(), Access.system("test")))
                .containsEntry("lastName", Canary.name("Tanaka-Sato"));

        fulfil(received("olympus-ims", "JP", "tanaka", "{\"type\":\"deletion\"}"));
        assertThat(vault.exists(subject)).isFalse();
        assertThat(inbox.newestTextTo(Canary.email("tanaka"))).contains("All your data held for this site is erased");
    }

    @Test
    void aRestrictedPersonsNewContactMessageIsStoredButNotForwardedToTheGroupCompany() {
        SeedForms.Filled contact = SeedForms.olympusContact();
        HttpResponse<String> first = http.postJson(contact.apiPath(), contact.json());
        assertThat(first.statusCode()).isEqualTo(201);
        SubjectId subject =
                SubjectId.parse(Json.read(first.body()).get("subject").asString());
        receivedFrom(
                "olympus-ims", "EU", contact.email(), "{\"type\":\"restriction\",\"grounds\":[\"accuracy-disputed\"]}");

        HttpResponse<String> again = http.postJson(
                contact.apiPath(), contact.with("message", "A second question").json());

        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        SubjectId later = SubjectId.parse(Json.read(again.body()).get("subject").asString());
        assertThat(vault.records(later))
                .as("stored under a subject of its own, the sender proved nothing")
                .filteredOn(record -> record.activity().equals("contact-form"))
                .hasSize(1);
        assertThat(disclosures.of(subject))
                .as("only the message from before the restriction went to Olympus Europa")
                .hasSize(1);
        assertThat(disclosures.of(later))
                .as("the restriction reaches what is sent under the address")
                .isEmpty();
        assertThat(Json.read(staff("/api/v1/admin/restrictions").body())
                        .get("restrictions")
                        .valueStream()
                        .filter(restriction ->
                                restriction.get("subject").asString().equals(later.toString()))
                        .map(restriction -> restriction.get("request").asString()))
                .as("restricted under the same request, so lifted with it")
                .hasSize(1)
                .doesNotContainNull();
    }

    /** Submits a request of the lab site for the customer and verifies it; answers its id. */
    String received(String who, String json) {
        return received("lab", "EU", who, json);
    }

    String received(String site, String region, String who, String json) {
        return receivedFrom(site, region, Canary.email(who), json);
    }

    String receivedFrom(String site, String region, String email, String json) {
        return new VisitorRequests(http, inbox, clock)
                .requested(site, region, email, json, null)
                .id();
    }

    void fulfil(String id) {
        HttpResponse<String> fulfilled = staffPost("/api/v1/admin/requests/" + id + "/fulfil", "{}");
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(200);
    }

    String status(String id) {
        return Json.read(staff("/api/v1/admin/requests/" + id).body())
                .get("request")
                .get("status")
                .asString();
    }

    UUID queue(OutgoingMail mail) {
        return transaction.execute(status -> mailer.queue(mail));
    }

    HttpResponse<String> staff(String path) {
        return http.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
    }

    HttpResponse<String> staffPost(String path, String json) {
        clock.advance(Duration.ofSeconds(1));
        return http.postJson(path, json, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
    }
}
