package dev.steward.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.accounts.Accounts;
import dev.steward.consent.ConsentDecisions;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosure;
import dev.steward.disclosures.Disclosures;
import dev.steward.platform.Sha256;
import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Json;
import dev.steward.test.Mailboxes;
import dev.steward.test.Registrations;
import dev.steward.test.Rows;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every seed form over the JSON API: what is stored, consented, routed and disclosed, and every refusal. */
@StewardTest
class FormSubmissionsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    Disclosures disclosures;

    @Autowired
    Accounts accounts;

    @Autowired
    TestClock clock;

    @Test
    void everySeedFormIsAcceptedAndStoredUnderTheNoticeInForceTheLegalBasisAndTheJurisdiction() {
        for (Filled form : SeedForms.all()) {
            JsonNode answer = accepted(form);

            assertThat(answer.get("status").asString()).as(form.form()).isEqualTo("accepted");
            assertThat(answer.get("receipts").size())
                    .as(form.form())
                    .isEqualTo(form.consents().size());
            RecordSummary record = vault.record(
                            RecordId.parse(answer.get("record").asString()))
                    .orElseThrow();
            assertThat(record.subject().toString())
                    .isEqualTo(answer.get("subject").asString());
            assertThat(record.state()).isEqualTo(RecordState.ACTIVE);
            assertThat(record.jurisdiction()).isEqualTo(form.region());
            assertThat(record.noticeVersion())
                    .isEqualTo(form.site().equals(SeedForms.OLYMPUS) ? "2018-04-03" : "2010-05-05");
            Map<String, String> expected = new LinkedHashMap<>(form.fields());
            expected.remove("password");
            assertThat(vault.fields(record.id(), Access.system("test"))).isEqualTo(expected);
            for (JsonNode receipt : answer.get("receipts")) {
                assertThat(new Visitor(port).get(receipt.asString()).statusCode())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void theActivityAndTheLegalBasisInTheVisitorsJurisdictionAreRecorded() {
        assertThat(recordOf(accepted(SeedForms.olympusContact())))
                .extracting(RecordSummary::activity, RecordSummary::legalBasis, RecordSummary::retentionRule)
                .containsExactly("contact-form", "gdpr-6-1-a", "correspondence-terminated");
        assertThat(recordOf(accepted(SeedForms.olympusContact().region("JP"))))
                .extracting(RecordSummary::jurisdiction, RecordSummary::legalBasis)
                .containsExactly("JP", "appi-notified-purpose");
        assertThat(recordOf(accepted(SeedForms.omronContest())))
                .extracting(RecordSummary::activity, RecordSummary::legalBasis)
                .containsExactly("surveys-and-contests", "us-opt-in");
    }

    @Test
    void withoutAnExplicitRegionTheJurisdictionIsDetectedAsForTheNotice() {
        Filled form = SeedForms.olympusContact().region(null);
        HttpResponse<String> answer = new Visitor(port).postJson(form.apiPath(), form.json(), "CF-IPCountry", "FR");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(recordOf(Json.read(answer.body())).jurisdiction()).isEqualTo("EU");
    }

    @Test
    void everyTickedBoxIsRecordedWithItsExactWordingItsActivityAndTheConnection() {
        Filled form =
                SeedForms.olympusContact().ticking("respond-to-inquiries", "hosting-transfer", "product-announcements");
        Visitor visitor = new Visitor(port);
        JsonNode answer = Json.read(visitor.postJson(form.apiPath(), form.json(), "User-Agent", "Canary Browser/1.0")
                .body());
        SubjectId subject = SubjectId.parse(answer.get("subject").asString());

        List<ConsentEvent> history = ledger.history(subject);
        assertThat(history)
                .extracting(
                        ConsentEvent::purpose,
                        e -> e.action().key(),
                        ConsentEvent::activity,
                        ConsentEvent::method,
                        ConsentEvent::jurisdiction,
                        ConsentEvent::byParent)
                .containsExactly(
                        tuple("respond-to-inquiries", "given", "contact-form", "api", "EU", false),
                        tuple("hosting-transfer", "given", "contact-form", "api", "EU", false),
                        tuple("product-announcements", "given", null, "api", "EU", false));
        assertThat(history.get(0).wordingSha256())
                .isEqualTo(Sha256.hex("I consent to Olympus storing the data I entered to answer my inquiry and"
                        + " passing it to the Olympus group company or distributor responsible for my location."));
        assertThat(history.get(2).wordingSha256())
                .isEqualTo(Sha256.hex("I would also like to receive updates and announcements regarding Olympus'"
                        + " products, programs and promotions."));
        assertThat(ledger.evidence(history.get(0)).orElseThrow())
                .isEqualTo(new ConsentLedger.Evidence(visitor.ip(), "Canary Browser/1.0"));
        assertThat(answer.get("receipts").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(
                        history.stream().map(ConsentEvent::receiptPath).toList());
    }

    @Test
    void theContactFormIsRoutedByLocationAndEachForwardingIsRecordedAsADisclosure() {
        JsonNode germany = accepted(SeedForms.olympusContact().with("location", "DE"));
        JsonNode brazil = accepted(SeedForms.olympusContact().with("location", "BR"));
        JsonNode japan = accepted(SeedForms.olympusContact().with("location", "JP"));

        List<Disclosure> toEuropa = disclosures.of(subjectOf(germany));
        assertThat(toEuropa)
                .extracting(Disclosure::recipient, Disclosure::activity, Disclosure::legalBasis, Disclosure::reason)
                .containsExactly(tuple("olympus-europa", "contact-form", "gdpr-6-1-a", "form routing"));
        assertThat(toEuropa.get(0).categories()).containsExactlyInAnyOrder("contact-details", "correspondence");
        assertThat(toEuropa.get(0).record().toString())
                .isEqualTo(germany.get("record").asString());
        assertThat(disclosures.of(subjectOf(brazil)))
                .extracting(Disclosure::recipient)
                .containsExactly("olympus-america");
        assertThat(disclosures.of(subjectOf(japan)))
                .as("Olympus in Japan answers itself")
                .isEmpty();
    }

    @Test
    void connectionDataIsKeptUnderItsOwnActivityLegalBasisAndShortRetention() {
        Visitor visitor = new Visitor(port);
        Filled form = SeedForms.olympusContact();
        JsonNode answer = Json.read(visitor.postJson(form.apiPath(), form.json(), "User-Agent", "Canary Agent")
                .body());

        RecordSummary connection = vault.records(subjectOf(answer)).stream()
                .filter(record -> record.activity().equals("contact-form-misuse-prevention"))
                .findFirst()
                .orElseThrow();
        assertThat(connection.legalBasis()).isEqualTo("gdpr-6-1-f");
        assertThat(connection.retentionRule()).isEqualTo("misuse-window");
        assertThat(connection.dueAt()).isEqualTo(connection.collectedAt().plus(Duration.ofDays(7)));
        Map<String, String> fields = vault.fields(connection.id(), Access.system("test"));
        assertThat(fields).containsEntry("connectionIp", visitor.ip()).containsEntry("userAgent", "Canary Agent");
        assertThat(fields).containsKey("submittedAt");
        assertThat(vault.records(subjectOf(accepted(SeedForms.omronCustomerService()))))
                .as("a form without connectionData keeps none")
                .extracting(RecordSummary::activity)
                .containsExactly("customer-service");
    }

    @Test
    void aRegistrationCreatesAnAccountAndThePasswordNeverReachesTheVault() {
        Filled form = SeedForms.olympusSoftwareDownload();
        JsonNode answer = accepted(form);
        SubjectId subject = subjectOf(answer);

        assertThat(accounts.exists(SeedForms.OLYMPUS, subject)).isTrue();
        assertThat(identities.carrying(Identifier.username(form.fields().get("username"))).stream()
                        .findFirst())
                .contains(subject);
        assertThat(vault.fields(recordOf(answer).id(), Access.system("test"))).doesNotContainKey("password");
        assertThat(jdbc.sql("SELECT password_hash FROM account WHERE subject_id = :subject")
                        .param("subject", subject.value())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}")
                .doesNotContain(SeedForms.PASSWORD);
    }

    @Test
    void theNewsletterCountsOnlyOnceConfirmedFromTheMailbox() {
        Filled form = SeedForms.olympusNewsletter();
        JsonNode answer = accepted(form);
        SubjectId subject = subjectOf(answer);
        assertThat(answer.get("awaitingConfirmation")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("group-promotions", "newsletter");
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("awaiting-confirmation");

        String link = Mailboxes.link(port, form.email(), "Please confirm your subscription", "/s/olympus-ims/confirm/");
        Visitor visitor = new Visitor(port);
        HttpResponse<String> page = visitor.get(link);
        assertThat(page.body()).contains("Sending you our newsletter");
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "newsletter", null)
                        .reason())
                .as("opening the link confirms nothing")
                .isEqualTo("awaiting-confirmation");
        String csrf = Console.csrf(page.body());
        HttpResponse<String> confirmed = visitor.postForm(link, Map.of("_csrf", csrf));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "newsletter", null)
                        .reason())
                .isEqualTo("consent-confirmed");
        assertThat(decisions
                        .decide(SeedForms.OLYMPUS, subject.toString(), "group-promotions", null)
                        .allowed())
                .isTrue();
        ConsentEvent confirmation = ledger.history(subject).stream()
                .filter(event -> event.action().key().equals("confirmed"))
                .findFirst()
                .orElseThrow();
        assertThat(confirmation.evidenceRef()).matches("sha256:[0-9a-f]{64}");
        assertThat(confirmation.method()).isEqualTo("email-link");
        assertThat(visitor.postForm(link, Map.of("_csrf", csrf)).statusCode())
                .as("a link works once")
                .isEqualTo(410);
    }

    @Test
    void aPaymentTokenIsAcceptedAndACardNumberRefused() {
        String email = Canary.email(SeedForms.unique("payer"));
        String order = "{\"fields\":{\"email\":\"" + email + "\",\"name\":\"" + Canary.name("Payer")
                + "\",\"cardToken\":\"%s\",\"deliveryDate\":\"2026-04-01\",\"homepage\":\"https://canarytoken.example\"},"
                + "\"birthDate\":\"1990-05-17\"}";

        refused(
                "/api/v1/sites/lab/forms/order/submissions",
                order.formatted("4111 1111 1111 1111"),
                "fields.cardToken",
                "card-number");
        refused(
                "/api/v1/sites/lab/forms/order/submissions",
                order.formatted("4111111111111111"),
                "fields.cardToken",
                "card-number");
        assertThat(new Visitor(port)
                        .postJson("/api/v1/sites/lab/forms/order/submissions", order.formatted("tok_1Nv0canary"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aMissingRequiredFieldIsRefusedAndStoresNothing() {
        refused(SeedForms.olympusContact().with("email", null), "fields.email", "required");
        refused(SeedForms.olympusContact().with("lastName", "  "), "fields.lastName", "required");
        assertThat(accepted(SeedForms.olympusContact().with("city", null).with("message", null))
                        .get("status")
                        .asString())
                .as("voluntary fields may be left out")
                .isEqualTo("accepted");
    }

    @Test
    void aFieldTheCatalogDoesNotDeclareIsRefusedNeverDropped() {
        refused(
                SeedForms.olympusContact().with("favouriteColour", "blue"),
                "fields.favouriteColour",
                "undeclared-field");
        refused(
                SeedForms.omronCustomerService().with("cardToken", "tok_canary1"),
                "fields.cardToken",
                "undeclared-field");
        Filled form = SeedForms.omronContest();
        refused(
                form.apiPath(),
                form.json().replaceFirst("\\{", "{\"newsletter\":true,"),
                "newsletter",
                "undeclared-field");
        refused(
                form.apiPath(),
                form.json().replace("\"age\":44", "\"birthDate\":\"1980-01-01\""),
                "birthDate",
                "undeclared-field");
    }

    @Test
    void aRequiredConsentLeftUntickedIsRefused() {
        refused(
                SeedForms.olympusContact().ticking("respond-to-inquiries"),
                "consents.hosting-transfer",
                "consent-required");
        refused(SeedForms.omronContest().ticking(), "consents.surveys-and-contests", "consent-required");
        refused(
                SeedForms.omronContest().ticking("surveys-and-contests", "selling-data"),
                "consents",
                "undeclared-purpose");
    }

    @Test
    void valuesTooLongOrOfTheWrongTypeAreRefused() {
        refused(SeedForms.olympusContact().with("firstName", "x".repeat(101)), "fields.firstName", "too-long");
        refused(SeedForms.olympusContact().with("email", "canarytoken.example.org"), "fields.email", "invalid-format");
        refused(SeedForms.olympusContact().with("phone", "call me"), "fields.phone", "invalid-format");
        refused(SeedForms.olympusContact().with("zip", "20097!"), "fields.zip", "invalid-format");
        refused(SeedForms.olympusContact().with("location", "ATLANTIS"), "fields.location", "invalid-option");
        refused(SeedForms.olympusSoftwareDownload().with("username", "a b"), "fields.username", "invalid-format");
        refused(SeedForms.olympusContact().age("thirty"), "age", "invalid-format");
        refused(SeedForms.olympusContact().region("MARS"), "region", "invalid-option");
        Filled form = SeedForms.omronContest();
        refused(form.apiPath(), form.json().replace("\"age\":44", "\"age\":true"), "age", "invalid-format");
        assertThat(Stream.of("\"44\"", "12.9", "1e1", "-1")
                        .map(age -> refused(
                                        form.apiPath(),
                                        form.json().replace("\"age\":44", "\"age\":" + age),
                                        "age",
                                        "invalid-format")
                                .get("message")
                                .asString())
                        .distinct())
                .as("an age as text, a fraction, a negative number: one wrong type, in one wording")
                .containsExactly("Enter your age as a whole number of years.");
        refused(
                form.apiPath(),
                form.json().replaceFirst("\"name\":\"[^\"]*\"", "\"name\":42"),
                "fields.name",
                "invalid-format");
        String order = "{\"fields\":{\"email\":\"" + Canary.email("orderer") + "\",\"name\":\"" + Canary.name("O")
                + "\",\"cardToken\":\"tok_canary22\",%s},\"birthDate\":\"1990-05-17\"}";
        refused(
                "/api/v1/sites/lab/forms/order/submissions",
                order.formatted("\"deliveryDate\":\"next week\""),
                "fields.deliveryDate",
                "invalid-format");
        refused(
                "/api/v1/sites/lab/forms/order/submissions",
                order.formatted("\"homepage\":\"ftp://canarytoken\""),
                "fields.homepage",
                "invalid-format");
    }

    @Test
    void whereTheFormAsksForTheBirthDateTheAgeIsReckonedFromIt() {
        String order = "{\"fields\":{\"email\":\"" + Canary.email(SeedForms.unique("born")) + "\",\"name\":\""
                + Canary.name("Born") + "\",\"cardToken\":\"tok_canary33\"},%s}";
        String path = "/api/v1/sites/lab/forms/order/submissions";
        // a sixth submission naming the same address would meet its rate limit
        String sixteen = order.replace("born-", "sixteen-");

        refused(path, order.formatted("\"age\":30"), "birthDate", "required");
        refused(path, order.formatted("\"age\":30,\"birthDate\":\"1990-01-01\""), "age", "undeclared-field");
        refused(path, order.formatted("\"birthDate\":\"17.05.1990\""), "birthDate", "invalid-format");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        refused(path, born(order, today.plusDays(1)), "birthDate", "invalid-format");
        refused(path, born(order, today.minusYears(16).plusDays(1)), "parentEmail", "parent-email-required");
        assertThat(Json.read(new Visitor(port)
                                .postJson(path, born(sixteen, today.minusYears(16)))
                                .body())
                        .get("status")
                        .asString())
                .as("16 today")
                .isEqualTo("accepted");
    }

    @Test
    void aRegistrationNeedsAFreeUserNameAndALongEnoughPasswordButNeverSaysAnAddressIsTaken() {
        Filled first = SeedForms.olympusSoftwareDownload();
        accepted(first);
        Registrations.verify(port, first.site(), first.email());

        refused(
                SeedForms.olympusSoftwareDownload()
                        .with("username", first.fields().get("username")),
                "fields.username",
                "taken");
        assertThat(accepted(SeedForms.olympusSoftwareDownload().with("email", first.email()))
                        .get("status")
                        .asString())
                .as("answered as for any address; the mailbox learns there is an account already")
                .isEqualTo("accepted");
        assertThat(Mailboxes.to(port, first.email()))
                .extracting(mail -> mail.get("subjectLine").asString())
                .contains("You already have an account on Olympus IMS");
        refused(SeedForms.olympusSoftwareDownload().with("password", "short"), "fields.password", "too-short");
    }

    @Test
    void aVisitorUnder13InTheUsIsRefusedWithTheCatalogsReasonAndNothingIsStored() {
        JsonNode error = refused(SeedForms.omronCustomerService().age("12"), "age", "too-young");

        assertThat(error.get("message").asString())
                .isEqualTo("Omronhealthcare.com does not intentionally collect personal information about children"
                        + " under the age of 13. If you are under 13 and would like to use omronhealthcare.com, please"
                        + " ask a parent or guardian for assistance.");
        assertThat(accepted(SeedForms.omronCustomerService().age("13"))
                        .get("status")
                        .asString())
                .isEqualTo("accepted");
    }

    @Test
    void aChildInTheEuMustNameAParentAndIsRefusedWithoutOne() {
        refused(SeedForms.olympusContact().age("15"), "parentEmail", "parent-email-required");
        Filled child = SeedForms.olympusContact().age("15");
        refused(child.parent(child.email()), "parentEmail", "parent-email-same");
        refused(child.parent("mum-at-home"), "parentEmail", "invalid-format");
        refused(SeedForms.olympusContact().age(null), "age", "required");
    }

    @Test
    void aFilledHoneypotIsRefused() {
        Filled form = SeedForms.olympusContact();
        refused(
                form.apiPath(),
                form.json().replaceFirst("\\{", "{\"website\":\"https://spam.example\","),
                "website",
                "honeypot");
    }

    @Test
    void sendingTooOftenFromOneAddressOrForOneEmailIsRateLimited() {
        Visitor visitor = new Visitor(port);
        Filled form = SeedForms.omronContest();
        Map<String, Long> before = Rows.count(jdbc);
        for (int i = 0; i < 30; i++) {
            assertThat(visitor.postJson(form.apiPath(), "{}").statusCode()).isEqualTo(422);
        }
        HttpResponse<String> limited = visitor.postJson(form.apiPath(), form.json());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(Json.read(limited.body()).get("errors").get(0).get("code").asString())
                .isEqualTo("rate-limited");

        Filled sameEmail = SeedForms.omronContest().ticking();
        for (int i = 0; i < 5; i++) {
            assertThat(new Visitor(port)
                            .postJson(sameEmail.apiPath(), sameEmail.json())
                            .statusCode())
                    .isEqualTo(422);
        }
        HttpResponse<String> perEmail = new Visitor(port)
                .postJson(
                        sameEmail.apiPath(),
                        sameEmail.ticking("surveys-and-contests").json());
        assertThat(perEmail.statusCode()).isEqualTo(429);
        assertThat(perEmail.body()).contains("\"code\":\"rate-limited\"").doesNotContain(Canary.MARKER);
        assertThat(Rows.grownSince(jdbc, before)).isEmpty();
    }

    @Test
    void malformedBodiesAndUnknownFormsAreAnsweredPrecisely() {
        Visitor visitor = new Visitor(port);
        assertThat(visitor.postJson("/api/v1/sites/olympus-ims/forms/contact/submissions", "{not json")
                        .statusCode())
                .isEqualTo(400);
        refused("/api/v1/sites/olympus-ims/forms/contact/submissions", "[1,2]", null, "malformed-json");
        assertThat(visitor.postJson("/api/v1/sites/olympus-ims/forms/wishlist/submissions", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(visitor.postJson("/api/v1/sites/nowhere/forms/contact/submissions", "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    private static String born(String json, LocalDate birthDate) {
        return json.formatted("\"birthDate\":\"" + birthDate + "\"");
    }

    private JsonNode accepted(Filled form) {
        HttpResponse<String> answer = new Visitor(port).postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as("%s: %s", form.form(), codes(answer)).isEqualTo(201);
        return Json.read(answer.body());
    }

    private JsonNode refused(Filled form, String field, String code) {
        return refused(form.apiPath(), form.json(), field, code);
    }

    /** Submits and expects a 422 naming the field and code, without the submitted values, having stored nothing. */
    private JsonNode refused(String path, String json, String field, String code) {
        Map<String, Long> before = Rows.count(jdbc);
        HttpResponse<String> answer = new Visitor(port).postJson(path, json);

        assertThat(answer.statusCode()).as("%s %s", field, code).isEqualTo(422);
        assertThat(answer.body().toLowerCase()).doesNotContain(Canary.MARKER);
        JsonNode error = Json.read(answer.body())
                .get("errors")
                .valueStream()
                .filter(e -> code.equals(e.get("code").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + codes(answer)));
        assertThat(error.get("field").isNull() ? null : error.get("field").asString())
                .isEqualTo(field);
        assertThat(Rows.grownSince(jdbc, before))
                .as("rows after a refused submission")
                .isEmpty();
        return error;
    }

    private static List<String> codes(HttpResponse<String> answer) {
        JsonNode body = Json.read(answer.body());
        return body.has("errors")
                ? body.get("errors")
                        .valueStream()
                        .map(e -> e.get("field") + ":" + e.get("code").asString())
                        .toList()
                : List.of();
    }

    private RecordSummary recordOf(JsonNode answer) {
        return vault.record(RecordId.parse(answer.get("record").asString())).orElseThrow();
    }

    private static SubjectId subjectOf(JsonNode answer) {
        return SubjectId.parse(answer.get("subject").asString());
    }
}
