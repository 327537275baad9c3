package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Smtp;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import dev.steward.vault.Vault;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Campaigns end to end with a real SMTP server (GreenMail): the context, the beans and the helpers its test classes
 * share. They share one application context, and the server's messages, so each test looks at its own addresses.
 */
@StewardTest
@TestPropertySource(
        properties = {
            "steward.mail.smtp.from=privacy@steward.test",
            "steward.mail.interval=PT1S",
            "steward.newsletter.inbound-secret=" + CampaignMailTest.SECRET
        })
abstract class CampaignMailTest {

    static final String OLYMPUS = "olympus-ims";
    static final String NEWS = "https://www.olympus-ims.com/en/news/";
    static final String SECRET = "inbound-test-secret";
    private static final int SMTP_PORT = freePort();
    private static final Pattern VERIFICATION = Pattern.compile("verify\\?token=([\\w-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry properties) {
        Smtp.sendTo(properties, SMTP_PORT);
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
    Vault vault;

    @Autowired
    SuppressionList suppression;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    Http http;
    Subscribers subscribers;
    Campaigns campaigns;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        subscribers = new Subscribers(identities, ledger);
        campaigns = new Campaigns(port, jdbc, identities);
    }

    /** Sends a campaign of the given list with the test body, and runs it to its end. */
    UUID sent(String site, String list, String subjectLine) {
        UUID campaign = campaigns.create(site, list, subjectLine, body());
        campaigns.send(campaign);
        starter.run();
        return campaign;
    }

    static String html(MimeMessage message) {
        return part(message, 1);
    }

    static String text(MimeMessage message) {
        return part(message, 0);
    }

    private static String part(MimeMessage message, int index) {
        try {
            return (String)
                    ((MimeMultipart) message.getContent()).getBodyPart(index).getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subjectLine(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String raw(MimeMessage message) {
        return unfolded(GreenMailUtil.getWholeMessage(message));
    }

    void restrict(String site, String address) {
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> submitted = http.postJson(
                "/api/v1/sites/" + site + "/requests",
                "{\"type\":\"restriction\",\"email\":\"" + address
                        + "\",\"region\":\"EU\",\"grounds\":[\"accuracy-disputed\"]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(1));
        String token = await().atMost(Duration.ofSeconds(20))
                .until(() -> verificationToken(address), Optional::isPresent)
                .orElseThrow();
        assertThat(http.postJson("/api/v1/sites/" + site + "/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    /** The token of the request's verification mail, as the person receives it: staff never see it. */
    private static Optional<String> verificationToken(String address) {
        return receivedBy(address).stream()
                .map(CampaignMailTest::content)
                .map(VERIFICATION::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .findFirst();
    }

    private static String content(MimeMessage message) {
        try {
            return message.getContent() instanceof String text ? text : text(message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ConsentEvent last(SubjectId subject) {
        List<ConsentEvent> history = ledger.history(subject);
        return history.get(history.size() - 1);
    }

    long count(String sql, String pseudonym) {
        return jdbc.sql(sql).param("p", pseudonym).query(Long.class).single();
    }

    static String body() {
        return "# Spring news\n\nOur new ultrasonic flaw detector is here. [Read more](" + NEWS + ") or write to "
                + "[sales](mailto:sales@olympus-ims.com).\n";
    }

    /** What the address received of one campaign: a restriction's own mails to the person are not the campaign. */
    static List<MimeMessage> receivedBy(String address, String subjectLine) {
        return receivedBy(address).stream()
                .filter(message -> subjectLine(message).equals(subjectLine))
                .toList();
    }

    /** The outbox sends on its own schedule: the first message to the address, once it arrived. */
    static MimeMessage awaitMessageTo(String address) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> receivedBy(address), received -> !received.isEmpty())
                .get(0);
    }

    static List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message ->
                        GreenMailUtil.getAddressList(recipients(message)).contains(address))
                .toList();
    }

    private static Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tokenIn(MimeMessage message) {
        String raw = unfolded(GreenMailUtil.getWholeMessage(message));
        Matcher matcher = Pattern.compile("/unsubscribe/([\\w-]{43})>").matcher(header(raw, "List-Unsubscribe"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static String path(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    /** Header lines joined again where the sender folded them. */
    static String unfolded(String raw) {
        return raw.replaceAll("\r\n[ \t]+", " ");
    }

    /** The first header of that name, up to the blank line that ends the headers. */
    static String header(String raw, String name) {
        for (String line : raw.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        throw new AssertionError("no header " + name);
    }

    static String address(String who) {
        return Canary.email(who + UUID.randomUUID().toString().substring(0, 8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
