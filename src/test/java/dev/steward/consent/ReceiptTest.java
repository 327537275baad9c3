package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@StewardTest
class ReceiptTest {

    @LocalServerPort
    int port;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Identities identities;

    @Autowired
    ConsentReceipts receipts;

    @Test
    void aReceiptVerifiesOfflineAgainstThePublishedKeyAndFailsWhenOneByteChanges() throws Exception {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt")));
        ConsentEvent event = contactFormConsent(subject);
        Http http = new Http(port);

        HttpResponse<String> served = http.get("/api/v1/receipts/" + event.id());
        assertThat(served.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/jose"));
        OctetKeyPair key =
                (OctetKeyPair) JWKSet.parse(http.get("/.well-known/jwks.json").body())
                        .getKeys()
                        .get(0);
        assertThat(key.isPrivate()).isFalse();
        JWSObject receipt = JWSObject.parse(served.body());

        assertThat(receipt.verify(new Ed25519Verifier(key))).isTrue();
        assertThat(receipt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        Map<String, Object> claims = receipt.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("consentReceiptID", event.id().toString())
                .containsEntry("piiPrincipalId", subject.toString())
                .containsEntry("jurisdiction", "EU")
                .containsEntry("collectionMethod", "form")
                .containsEntry("noticeVersion", "2018-04-03")
                .containsEntry("state", "given")
                .containsKeys("piiControllers", "services", "withdrawalMethod", "policyUrl", "wordingSha256");
        assertThat(claims.toString())
                .contains("Olympus Corporation")
                .contains("Art. 6(1)(a) GDPR")
                .contains("Aspire")
                .contains("Contact details")
                .contains("thirdPartyName=[Olympus Europa SE & Co. KG")
                .doesNotContain("byLanguage")
                .doesNotContainIgnoringCase(Canary.MARKER);
        assertThat(http.get(event.receiptPath()).body())
                .as("the page names the recipients in words")
                .contains("Olympus Europa SE &amp; Co. KG")
                .doesNotContain("byLanguage");

        assertThat(JWSObject.parse(withOneByteChanged(served.body())).verify(new Ed25519Verifier(key)))
                .isFalse();
    }

    @Test
    void theReceiptPageShowsWhatWasRecordedAndAnUnknownReceiptIsNotFound() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-page")));
        ConsentEvent event = ledger.record(
                ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                        .withWording("Send me the monthly lab newsletter."));
        Http http = new Http(port);

        assertThat(http.get(event.receiptPath()).body())
                .contains("Monthly lab newsletter")
                .contains("Unsubscribe with the link");
        assertThat(http.get("/receipts/00000000-0000-0000-0000-000000000000").statusCode())
                .isEqualTo(404);
    }

    /** The receipt's address names no site; its page still speaks the visitor's language among the site's. */
    @Test
    void theReceiptPageSpeaksTheVisitorsLanguageAmongTheSites() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-language")));
        ConsentEvent event = olympusConsent(subject, "respond-to-inquiries", CollectionMethod.FORM);
        Http http = new Http(port);

        assertThat(http.get(event.receiptPath(), "Accept-Language", "de-DE,de;q=0.9")
                        .body())
                .contains("<html lang=\"de\"")
                .contains("<h1>Einwilligungsbeleg</h1>");
        assertThat(http.get(event.receiptPath(), "Accept-Language", "ja").body())
                .as("a language the site does not offer: the site's default")
                .contains("<h1>Consent receipt</h1>");
    }

    /**
     * The way to withdraw ends with a link to the site's privacy center, in the visitor's language: it ended with the
     * center's address as text to copy. The signed receipt keeps its words, address included.
     */
    @Test
    void theReceiptPageLinksThePrivacyCenterToWithdrawIn() throws Exception {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-withdraw")));
        ConsentEvent event = contactFormConsent(subject);
        Http http = new Http(port);

        String withdrawal = (String)
                JWSObject.parse(http.get("/api/v1/receipts/" + event.id()).body())
                        .getPayload()
                        .toJSONObject()
                        .get("withdrawalMethod");
        assertThat(withdrawal).matches("(?s).* http://localhost:\\d+/s/olympus-ims/privacy-center");
        String page = http.get(event.receiptPath()).body();
        assertThat(page)
                .contains("you can object to the storage of your personal data at any time.</span> "
                        + "<a href=\"/s/olympus-ims/privacy-center\">Withdraw in the privacy center</a>")
                .doesNotContain("at any time. http");
        assertThat(http.get(event.receiptPath(), "Accept-Language", "de").body())
                .contains("<a href=\"/s/olympus-ims/privacy-center\">Im Datenschutzcenter widerrufen</a>");

        assertThat(ReceiptController.withoutAddress("Unsubscribe with the link in each message."))
                .as("words that end with no address stay whole")
                .isEqualTo("Unsubscribe with the link in each message.");
        assertThat(ReceiptController.withoutAddress("Write to https://example.org/privacy"))
                .isEqualTo("Write to");
    }

    /**
     * Where the catalog words no way to withdraw (the lab's trial asks no consent in words of its own), the signed
     * receipt said it in English whatever its language (outside22 F5); it says it in the receipt's language, English
     * where the bundles have not that language, and the page shows the words without the address.
     */
    @Test
    void theWayToWithdrawTheCatalogDoesNotWordIsSaidInTheReceiptsLanguage() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-fallback")));
        Map<String, String> expected = Map.of(
                "en", "You can withdraw this consent at any time in our privacy center.",
                "de", "Sie können diese Einwilligung jederzeit in unserem Datenschutzcenter widerrufen.",
                "ja", "この同意は、プライバシーセンターでいつでも撤回できます。",
                "fr", "You can withdraw this consent at any time in our privacy center.");

        expected.forEach((language, words) -> {
            String withdrawal =
                    (String) receipts.claims(trialConsent(subject, language)).get("withdrawalMethod");
            assertThat(withdrawal)
                    .as(language)
                    .matches(Pattern.quote(words) + " http://localhost:\\d+/s/lab/privacy-center");
            assertThat(ReceiptController.withoutAddress(withdrawal))
                    .as(language)
                    .isEqualTo(words);
        });
    }

    /**
     * The receipt page cited the law in English on a German page ("Art. 6(1)(a) GDPR") and told a European visitor of
     * Olympus the time on Tokyo's clock (outside22 F6): the law in the reader's words, the time on the clock of the
     * jurisdiction the consent was given under. The signed receipt keeps the English citation.
     */
    @Test
    void theReceiptPageCitesTheLawInTheReadersWordsOnTheClockOfTheConsentsRegion() throws Exception {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-words")));
        ConsentEvent european = contactFormConsent(subject);
        Http http = new Http(port);

        String german =
                http.get(european.receiptPath(), "Accept-Language", "de").body();
        assertThat(german)
                .contains("<td>Art. 6 Abs. 1 lit. a DSGVO</td>")
                .doesNotContain("Art. 6(1)(a) GDPR")
                .containsPattern("<time datetime=\"[^\"]+\">[^<]+, \\d\\d:\\d\\d \\(MES?Z\\)</time>")
                .doesNotContain("(JST)");
        assertThat(http.get(european.receiptPath()).body())
                .contains("<td>Art. 6(1)(a) GDPR</td>")
                .containsPattern("\\(CES?T\\)</time>");
        assertThat(JWSObject.parse(http.get("/api/v1/receipts/" + european.id()).body())
                        .getPayload()
                        .toString())
                .contains("Art. 6(1)(a) GDPR");

        ConsentEvent japanese = contactFormConsent(subject, "JP");
        assertThat(http.get(japanese.receiptPath(), "Accept-Language", "de").body())
                .as("the JP notice's region reads the site's clock")
                .contains("(JST)</time>");
    }

    /**
     * A cookie banner's receipt said to withdraw through the "Cookie settings" link and linked the privacy center,
     * which knows people by their e-mail address and cannot reach a choice the banner recorded under a pseudonym: a
     * dead end. The page keeps the banner's words and links no privacy center.
     */
    @Test
    void aCookieBannersReceiptSendsTheVisitorToTheBannerNotThePrivacyCenter() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("receipt-banner")));
        ConsentEvent banner = olympusConsent(subject, "traffic-analysis", CollectionMethod.BANNER);
        Http http = new Http(port);

        assertThat(http.get(banner.receiptPath()).body())
                .contains("through the &quot;Cookie settings&quot; link on our pages")
                .doesNotContain("Withdraw in the privacy center");
        assertThat(http.get(contactFormConsent(subject).receiptPath()).body())
                .as("a form's consent: the privacy center withdraws it")
                .contains("<a href=\"/s/olympus-ims/privacy-center\">Withdraw in the privacy center</a>");
    }

    /** A consent to the lab's trial, whose activity words no consent, as read in the language. */
    private static ConsentEvent trialConsent(SubjectId subject, String language) {
        return new ConsentEvent(
                1,
                UUID.randomUUID(),
                subject,
                "lab",
                "trial",
                "trial",
                ConsentAction.GIVEN,
                "1",
                null,
                "form",
                Instant.parse("2026-03-02T10:00:00Z"),
                "EU",
                false,
                null,
                null,
                language,
                null);
    }

    /** The consent of Olympus's contact form (seed 001 §3.3), as its form records it. */
    private ConsentEvent contactFormConsent(SubjectId subject) {
        return contactFormConsent(subject, "EU");
    }

    private ConsentEvent contactFormConsent(SubjectId subject, String jurisdiction) {
        return ledger.record(ConsentRequest.of(
                        subject, "olympus-ims", "respond-to-inquiries", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withActivity("contact-form")
                .withWording("I consent to Olympus storing the data I entered to answer my inquiry.")
                .withJurisdiction(jurisdiction));
    }

    /** A consent given on Olympus under its EU notice, in the way named, to the first activity of the purpose. */
    private ConsentEvent olympusConsent(SubjectId subject, String purpose, CollectionMethod method) {
        return ledger.record(ConsentRequest.of(subject, "olympus-ims", purpose, ConsentAction.GIVEN, method)
                .withWording("Olympus's words for " + purpose)
                .withJurisdiction("EU"));
    }

    /** Changes one character of the signed payload, keeping it valid base64url. */
    private static String withOneByteChanged(String jws) {
        String[] parts = jws.split("\\.");
        char[] payload = parts[1].toCharArray();
        int middle = payload.length / 2;
        payload[middle] = payload[middle] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }
}
