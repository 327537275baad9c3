package dev.steward.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.StewardApplication;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.Json;
import dev.steward.test.LabCustomers;
import dev.steward.test.Receiver;
import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardProcess;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fault test of the outbound queue with real processes: 300 mails to a slow SMTP server and 300 webhooks to a slow
 * receiver are queued, Steward ({@code java -jar target/steward.jar} on its own embedded PostgreSQL) is killed with
 * SIGKILL once at least 30 of each were accepted, and started again. Every mail must arrive under its one Message-ID
 * and every webhook under its one {@code webhook-id}: nothing lost, and what was in flight at the kill arrives at most
 * once more, with the same id, so a receiver that keeps the ids it has seen takes each exactly once.
 */
class OutboundCrashIT {

    static final int MAILS = 300;
    static final int WEBHOOKS = 300;
    static final int KILL_AFTER = 30;
    /** What the queue can have in flight at once: workers per job times their claim. */
    static final int IN_FLIGHT = 2 * 10;

    static SlowSmtp smtp;
    static Receiver partner;
    static StewardProcess steward;
    static String request;
    static int mailsAtKill;
    static int webhooksAtKill;
    static List<String> figures = new ArrayList<>();

    @BeforeAll
    static void killStewardWhileItSends() throws Exception {
        long begin = System.nanoTime();
        Path work = Files.createDirectories(Path.of("target", "outbound-crash").toAbsolutePath());
        Path data = Files.createTempDirectory(work, "data-");
        smtp = SlowSmtp.start(Duration.ofMillis(40));
        partner = Receiver.start(RecipientWebhooksTest.PARTNER_PORT, "/steward-hooks");
        partner.delay(Duration.ofMillis(80));

        stage(data);
        figures.add("staged in " + seconds(begin));

        int port = freePort();
        StewardProcess first = StewardProcess.start(data, port, settings(), Duration.ofSeconds(90));
        figures.add("first start after " + seconds(begin));
        await(
                Duration.ofSeconds(60),
                () -> smtp.accepted().size() >= KILL_AFTER && partner.received().size() >= KILL_AFTER);
        first.kill();
        mailsAtKill = smtp.accepted().size();
        webhooksAtKill = partner.received().size();
        figures.add("killed after " + seconds(begin) + " with " + mailsAtKill + " mails and " + webhooksAtKill
                + " webhooks accepted");

        steward = StewardProcess.start(data, port, settings(), Duration.ofSeconds(90));
        figures.add("second start after " + seconds(begin));
        await(
                Duration.ofSeconds(90),
                () -> distinct(smtp.accepted()).size() >= outbox().size()
                        && webhookIds().size() >= WEBHOOKS
                        && notices().stream()
                                .allMatch(notice ->
                                        !notice.get("status").asString().equals("pending")));
        figures.add("all delivered after " + seconds(begin));
    }

    @AfterAll
    static void stop() throws IOException {
        System.out.println("OutboundCrashIT: " + String.join("; ", figures));
        if (steward != null) {
            steward.close();
        }
        smtp.close();
        partner.close();
    }

    @Test
    void everyMailArrivesUnderItsOneMessageIdAndOnlyWhatWasInFlightArrivesTwice() {
        List<JsonNode> outbox = outbox();
        Set<String> queued =
                outbox.stream().map(m -> m.get("messageId").asString()).collect(Collectors.toSet());
        List<String> accepted = smtp.accepted();

        assertThat(outbox).hasSizeGreaterThanOrEqualTo(MAILS);
        assertThat(outbox)
                .allSatisfy(m -> assertThat(m.get("status").asString()).isEqualTo("sent"));
        assertThat(distinct(accepted))
                .as("none lost, none under another Message-ID")
                .isEqualTo(queued);
        List<String> repeats = repeats(accepted);
        figures.add(queued.size() + " mails, " + accepted.size() + " deliveries, " + repeats.size() + " repeated");
        assertThat(repeats).as("only what was in flight at the kill").hasSizeLessThanOrEqualTo(IN_FLIGHT);
        assertThat(outbox.stream()
                        .filter(m -> repeats.contains(m.get("messageId").asString()))
                        .map(m -> m.get("attempts").asInt()))
                .as("a repeat is the interrupted attempt's one retry")
                .allSatisfy(attempts -> assertThat(attempts).isEqualTo(2));
        assertThat(steward.output()).contains("a stopped Steward left running");
    }

    @Test
    void everyWebhookArrivesUnderItsOneWebhookIdSignedAndOnlyWhatWasInFlightArrivesTwice() throws Exception {
        List<Receiver.Received> received = partner.received();
        Set<String> ids = webhookIds();
        List<JsonNode> notices = notices();

        assertThat(notices).hasSize(WEBHOOKS);
        assertThat(notices)
                .allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("acknowledged"));
        assertThat(ids).hasSize(WEBHOOKS);
        List<String> repeats = repeats(
                received.stream().map(r -> r.headers().get("webhook-id")).toList());
        figures.add(ids.size() + " webhooks, " + received.size() + " deliveries, " + repeats.size() + " repeated");
        assertThat(repeats).hasSizeLessThanOrEqualTo(IN_FLIGHT);
        for (Receiver.Received delivery : received) {
            assertThat(delivery.headers().get("webhook-signature"))
                    .isEqualTo(RecipientWebhooksTest.expectedSignature(delivery));
        }
    }

    /** Queues the mail and the notices through Steward's own modules, on the data directory the process gets. */
    static void stage(Path data) {
        try (ConfigurableApplicationContext staging = new SpringApplicationBuilder(StewardApplication.class)
                .run(withoutSmtp(args(
                        data,
                        "--server.port=0",
                        "--steward.mail.interval=PT1H",
                        "--steward.rights.webhook-interval=PT1H",
                        "--steward.database.fsync=false")))) {
            int port = staging.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            SubjectId customer = new LabCustomers(
                            staging.getBean(Vault.class),
                            staging.getBean(Identities.class),
                            staging.getBean(ConsentLedger.class),
                            staging.getBean(Disclosures.class))
                    .customer("crash");
            Mailer mailer = staging.getBean(Mailer.class);
            for (int i = 0; i < MAILS; i++) {
                mailer.queue(OutgoingMail.service(
                        "lab",
                        customer,
                        Canary.email("reader-" + i, "crash.test"),
                        "Message " + i,
                        "Body of message " + i));
            }
            request = verifiedRectification(port);
            RightsRequest rectification = staging.getBean(RequestRepository.class)
                    .find(java.util.UUID.fromString(request))
                    .orElseThrow();
            RecipientNotices notices = staging.getBean(RecipientNotices.class);
            staging.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                for (int i = 0; i < WEBHOOKS; i++) {
                    notices.tell(rectification, RecipientNotice.Change.RECTIFIED, Canary.email("crash"), Map.of());
                }
            });
        }
    }

    static String verifiedRectification(int port) {
        Http http = new Http(port);
        String id = Json.read(http.postJson(
                                "/api/v1/sites/lab/requests",
                                "{\"type\":\"rectification\",\"email\":\"" + Canary.email("crash")
                                        + "\",\"region\":\"EU\",\"changes\":{\"name\":\"Corrected\"}}")
                        .body())
                .get("request")
                .asString();
        String token = new Inbox(port).find(Canary.email("crash"), "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isLessThan(300);
        return id;
    }

    /**
     * The staging node queues mail but sends none (its delivery runs after an hour). Without SMTP its outbox view is
     * the dev mailbox, which shows the verification link as its recipient gets it; with SMTP staff see the link's
     * token withheld. The processes started on the data afterwards deliver everything over SMTP.
     */
    static String[] withoutSmtp(String[] args) {
        return java.util.Arrays.stream(args)
                .filter(arg ->
                        !arg.startsWith("--steward.mail.smtp.host=") && !arg.startsWith("--steward.mail.smtp.port="))
                .toArray(String[]::new);
    }

    static List<String> settings() {
        return List.of(args(
                null,
                "--steward.mail.interval=PT1S",
                "--steward.rights.webhook-interval=PT1S",
                // a short lease, so the second start finds the first one's leases over; attempts fit well inside it
                "--steward.outbound.lease=PT20S",
                "--steward.mail.smtp.timeout=PT3S",
                "--steward.outbound.connect-timeout=PT2S",
                "--steward.outbound.read-timeout=PT3S"));
    }

    static String[] args(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--steward.catalog=classpath:examples/olympus-2018,classpath:examples/omron-2012,"
                        + Path.of("target", "test-classes", "catalogs", "lab").toAbsolutePath(),
                "--steward.mail.smtp.host=127.0.0.1",
                "--steward.mail.smtp.port=" + smtp.port(),
                "--steward.mail.smtp.from=privacy@crash.test",
                "--steward.outbound.allow-loopback=true",
                "--steward.retention.scheduled=false",
                "--LAB_ACCOUNTING_WEBHOOK_SECRET=" + StewardTest.WEBHOOK_SECRET));
        if (data != null) {
            args.add("--steward.data-dir=" + data);
            args.add("--steward.admin-password=" + StewardTest.ADMIN_PASSWORD);
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static List<JsonNode> outbox() {
        return Json.read(steward.http()
                        .get("/api/v1/admin/mailbox?limit=500", Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("messages")
                .valueStream()
                .toList();
    }

    static List<JsonNode> notices() {
        return Json.read(steward.http()
                        .get("/api/v1/admin/requests/" + request, Http.basic("admin", StewardTest.ADMIN_PASSWORD))
                        .body())
                .get("recipientNotices")
                .valueStream()
                .filter(notice -> notice.get("recipient").asString().equals("lab-accounting"))
                .toList();
    }

    static Set<String> webhookIds() {
        return partner.received().stream()
                .map(received -> received.headers().get("webhook-id"))
                .collect(Collectors.toSet());
    }

    static Set<String> distinct(List<String> ids) {
        return new HashSet<>(ids);
    }

    static List<String> repeats(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(id -> !seen.add(id)).toList();
    }

    static void await(Duration atMost, BooleanSupplier condition) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done in " + atMost + ": " + String.join("; ", figures));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
