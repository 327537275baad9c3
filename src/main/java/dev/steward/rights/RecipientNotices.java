package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Recipient;
import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.SystemSeal;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every recipient of a subject's data about a rectification, erasure or restriction (GDPR Art. 19). A recipient
 * with a webhook gets a signed HTTPS POST, retried with growing pauses, each attempt recorded; it counts as told when
 * the endpoint answers 2xx. A recipient without one, or whose endpoint keeps failing, becomes a task for staff. The
 * message names the person to the recipient, so it is kept sealed with Steward's system key (it must outlive an
 * erasure) and deleted as soon as the recipient is told.
 */
@Service
public class RecipientNotices {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);

    private final RecipientNoticeRepository notices;
    private final Requesters requesters;
    private final Catalogs catalogs;
    private final SystemSeal seal;
    private final Environment environment;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    RecipientNotices(
            RecipientNoticeRepository notices,
            Requesters requesters,
            Catalogs catalogs,
            SystemSeal seal,
            Environment environment,
            JsonMapper json,
            Clock clock) {
        this.notices = notices;
        this.requesters = requesters;
        this.catalogs = catalogs;
        this.seal = seal;
        this.environment = environment;
        this.json = json;
        this.clock = clock;
    }

    /** What a recipient needs to act on the change: whom it concerns, and for a rectification the new values. */
    record Payload(String type, String timestamp, Map<String, Object> data) {}

    /** Creates one notice per recipient of the subject's data on the request's site; answers how many. */
    @Transactional
    int tell(RightsRequest request, RecipientNotice.Change change, String email, Map<String, String> changes) {
        List<DisclosedRecipient> recipients = requesters.recipients(request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (DisclosedRecipient recipient : recipients) {
            Optional<Recipient.Webhook> webhook = webhookOf(request.site(), recipient.recipient());
            RecipientNotice notice = new RecipientNotice(
                    UUID.randomUUID(),
                    request.id(),
                    request.subject(),
                    request.site(),
                    recipient.recipient(),
                    change,
                    webhook.isPresent() ? RecipientNotice.Channel.WEBHOOK : RecipientNotice.Channel.MANUAL,
                    RecipientNotice.Status.PENDING,
                    0,
                    webhook.isPresent() ? now : null,
                    now,
                    null,
                    null);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("site", request.site());
            data.put("recipient", recipient.recipient());
            data.put("subject", request.subject().toString());
            data.put("change", change.key());
            data.put("email", email);
            data.put("categories", recipient.categories());
            if (!changes.isEmpty()) {
                data.put("changes", changes);
            }
            Payload payload = new Payload("subject." + change.key(), now.toString(), data);
            notices.insert(notice, seal.seal(json.writeValueAsBytes(payload), context(notice.id())));
        }
        return recipients.size();
    }

    public List<RecipientNotice> ofRequest(UUID request) {
        return notices.ofRequest(request);
    }

    public List<RecipientNotice> tasks(List<String> sites) {
        return notices.pendingTasks(sites);
    }

    /** What a staff member needs to tell a recipient by hand; reading it is audited by the caller. */
    public Optional<String> message(UUID notice) {
        return notices.payload(notice)
                .flatMap(ciphertext -> seal.open(ciphertext, context(notice)))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Transactional
    public RecipientNotice confirm(UUID id, String staff) {
        RecipientNotice notice = notices.find(id)
                .filter(found -> found.channel() == RecipientNotice.Channel.MANUAL
                        && found.status() == RecipientNotice.Status.PENDING)
                .orElseThrow(() -> new NotFoundException("There is no open task " + id + "."));
        notices.told(notice.id(), RecipientNotice.Status.CONFIRMED, clock.instant(), staff);
        return notices.find(id).orElseThrow();
    }

    /** Sends the webhooks that are due; answers how many were attempted. Called once across nodes. */
    @Transactional
    public int deliverDue(int limit) {
        List<RecipientNotice> due = notices.dueWebhooks(clock.instant(), limit);
        due.forEach(this::deliver);
        return due.size();
    }

    List<RecipientNoticeRepository.Delivery> deliveries(UUID notice) {
        return notices.deliveries(notice);
    }

    private void deliver(RecipientNotice notice) {
        Optional<Recipient.Webhook> webhook = webhookOf(notice.site(), notice.recipient());
        String secret = webhook.map(w -> environment.getProperty(w.secretEnv())).orElse(null);
        Optional<String> body = message(notice.id());
        if (webhook.isEmpty() || secret == null || secret.isBlank() || body.isEmpty()) {
            notices.delivery(notice.id(), clock.instant(), null, "no webhook or secret configured");
            notices.handOver(notice.id());
            return;
        }
        Instant now = clock.instant();
        Integer status = null;
        String error = null;
        try {
            status = post(webhook.get().url(), notice.id().toString(), now.getEpochSecond(), body.get(), secret);
        } catch (IOException e) {
            error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        notices.delivery(notice.id(), now, status, error);
        if (status != null && status / 100 == 2) {
            notices.told(notice.id(), RecipientNotice.Status.ACKNOWLEDGED, now, null);
        } else if (notice.attempts() + 1 >= MAX_ATTEMPTS) {
            notices.handOver(notice.id());
        } else {
            notices.retryAt(notice.id(), now.plus(pause(notice.attempts() + 1)));
        }
    }

    private int post(String url, String id, long timestamp, String body, String secret)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One minute after the first failure, doubling up to six hours. */
    static Duration pause(int failures) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private Optional<Recipient.Webhook> webhookOf(String site, String recipient) {
        return catalogs.of(site).recipient(recipient).map(Recipient::webhook);
    }

    private static String context(UUID notice) {
        return "recipient-notice:" + notice;
    }
}
