package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.consent.ConsentLedger;
import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SuppressionList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Campaign mail as it leaves for a real SMTP server that refuses mailboxes it does not have: signed with DKIM (the
 * signature verified as a receiver verifies it, the list headers covered), and a refused address failed and
 * suppressed without stopping the rest of the batch.
 */
@StewardTest
class CampaignSigningTest {

    private static final SlowSmtp smtp = SlowSmtp.start(Duration.ZERO, recipient -> recipient.startsWith("gone"));
    private static final KeyPair KEYS = rsa();

    @DynamicPropertySource
    static void signing(DynamicPropertyRegistry properties) {
        properties.add("steward.mail.smtp.host", () -> "127.0.0.1");
        properties.add("steward.mail.smtp.port", smtp::port);
        properties.add("steward.mail.dkim.domain", () -> "olympus-ims.com");
        properties.add("steward.mail.dkim.selector", () -> "steward2026");
        properties.add("steward.mail.dkim.private-key", CampaignSigningTest::privateKeyFile);
    }

    @AfterAll
    static void stop() throws IOException {
        smtp.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    CampaignStarter starter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SuppressionList suppression;

    Subscribers subscribers;
    Campaigns campaigns;

    @BeforeEach
    void setUp() {
        subscribers = new Subscribers(identities, ledger);
        campaigns = new Campaigns(port, jdbc, identities);
    }

    @Test
    void campaignMailIsSignedWithDkimCoveringTheUnsubscribeHeaders() throws GeneralSecurityException {
        String ada = CampaignDeliveryTest.address("ada");
        String bob = CampaignDeliveryTest.address("bob");
        subscribers.confirmed("olympus-ims", ada, "newsletter");
        subscribers.confirmed("olympus-ims", bob, "newsletter");
        UUID campaign = campaigns.create("olympus-ims", "newsletter", "Signed news", CampaignDeliveryTest.body());
        campaigns.send(campaign);
        starter.run();

        String raw = messageTo(ada);
        String signature = CampaignDeliveryTest.header(CampaignDeliveryTest.unfolded(raw), "DKIM-Signature");
        assertThat(signature)
                .contains("d=olympus-ims.com")
                .contains("s=steward2026")
                .contains("a=rsa-sha256");
        assertThat(signature.replaceAll("\\s", "").toLowerCase(Locale.ROOT))
                .containsPattern("h=[^;]*list-unsubscribe:")
                .containsPattern("h=[^;]*list-unsubscribe-post");
        assertThat(DkimVerifier.verify(raw, KEYS.getPublic()))
                .as("the signature verifies")
                .isTrue();
        assertThat(DkimVerifier.verify(raw.replace("Olympus Corporation", "Olympus Corporatio"), KEYS.getPublic()))
                .as("and fails once the body changes")
                .isFalse();
        assertThat(DkimVerifier.verify(
                        raw.replaceFirst("List-Unsubscribe-Post: ", "List-Unsubscribe-Post: X"), KEYS.getPublic()))
                .as("or the one-click header does")
                .isFalse();
        String other = messageTo(bob);
        assertThat(DkimVerifier.verify(other, KEYS.getPublic())).isTrue();
        assertThat(boundary(other))
                .as("both written from the campaign's one encoding, which keeps its multipart boundary")
                .isEqualTo(boundary(raw));
    }

    @Test
    void aCampaignWithAPictureIsSignedOverThePictureToo() throws GeneralSecurityException {
        String cy = CampaignDeliveryTest.address("cy");
        subscribers.confirmed("olympus-ims", cy, "newsletter");
        UUID campaign = campaigns.create("olympus-ims", "newsletter", "Signed picture", CampaignDeliveryTest.body());
        assertThat(campaigns
                        .attach(campaign, "probe.png", "probe.png", Campaigns.png(0x224466))
                        .statusCode())
                .isEqualTo(201);
        assertThat(new dev.steward.test.Http(port)
                        .patchJson(
                                "/api/v1/admin/campaigns/" + campaign,
                                "{\"body\":\"![The probe](cid:probe.png)\"}",
                                Campaigns.admin())
                        .statusCode())
                .isEqualTo(200);
        campaigns.send(campaign);
        starter.run();

        String raw = messageTo(cy);
        assertThat(raw).contains("Content-ID: <probe.png@").contains("multipart/related");
        assertThat(DkimVerifier.verify(raw, KEYS.getPublic()))
                .as("the signature verifies")
                .isTrue();
        String picture = raw.substring(raw.indexOf("Content-ID: <probe.png@"));
        int at = raw.indexOf("\r\n\r\n", raw.length() - picture.length()) + 10;
        String changed = raw.substring(0, at) + (raw.charAt(at) == 'A' ? 'B' : 'A') + raw.substring(at + 1);
        assertThat(DkimVerifier.verify(changed, KEYS.getPublic()))
                .as("and fails once a byte of the picture changes")
                .isFalse();
    }

    private static String boundary(String raw) {
        Matcher boundary = Pattern.compile("boundary=\"([^\"]+)\"").matcher(raw);
        assertThat(boundary.find()).isTrue();
        return boundary.group(1);
    }

    @Test
    void anAddressTheServerRefusesIsFailedAndSuppressedAndTheBatchGoesOn() {
        String gone = "gone-" + CampaignDeliveryTest.address("rita");
        String here = CampaignDeliveryTest.address("sam");
        subscribers.confirmed("olympus-ims", gone, "newsletter");
        subscribers.confirmed("olympus-ims", here, "newsletter");
        UUID campaign = campaigns.create("olympus-ims", "newsletter", "Refused", CampaignDeliveryTest.body());
        campaigns.send(campaign);
        starter.run();

        assertThat(campaigns.status(campaign, gone)).isEqualTo("failed refused 550 5.1.1");
        assertThat(messageTo(here)).contains("Subject: Refused");
        assertThat(campaigns.figures(campaign).get("failed").asInt()).isGreaterThanOrEqualTo(1);

        UUID next = campaigns.create("olympus-ims", "newsletter", "Again", CampaignDeliveryTest.body());
        campaigns.send(next);
        starter.run();
        assertThat(campaigns.status(next, gone))
                .as("a mailbox that does not exist is not tried again")
                .isEqualTo("skipped suppressed");
        assertThat(suppression.contains(Identifier.email(gone))).isTrue();
    }

    private String messageTo(String address) {
        List<String> messages = smtp.messages().stream()
                .filter(message -> message.contains("\r\nTo: " + address + "\r\n"))
                .toList();
        assertThat(messages).as(address).hasSize(1);
        return messages.get(0);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String privateKeyFile() {
        try {
            Path file = Files.createTempFile("dkim", ".pem");
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
