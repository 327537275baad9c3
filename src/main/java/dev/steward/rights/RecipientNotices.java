package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Recipient;
import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Outbound;
import dev.steward.vault.SystemSeal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every recipient of a subject's data about a rectification, erasure or restriction (GDPR Art. 19). A recipient
 * with a webhook gets a signed HTTPS POST ({@link RecipientWebhooks}), retried with growing pauses, each attempt
 * recorded; it counts as told when the endpoint answers 2xx. A recipient without one, or whose endpoint keeps failing, becomes a task for staff. The
 * message names the person to the recipient, so it is kept sealed with Steward's system key (it must outlive an
 * erasure) and deleted as soon as the recipient is told.
 */
@Service
public class RecipientNotices {

    private final RecipientNoticeRepository notices;
    private final Requesters requesters;
    private final Catalogs catalogs;
    private final SystemSeal seal;
    private final Outbound outbound;
    private final JsonMapper json;
    private final Clock clock;

    RecipientNotices(
            RecipientNoticeRepository notices,
            Requesters requesters,
            Catalogs catalogs,
            SystemSeal seal,
            Outbound outbound,
            JsonMapper json,
            Clock clock) {
        this.notices = notices;
        this.requesters = requesters;
        this.catalogs = catalogs;
        this.seal = seal;
        this.outbound = outbound;
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
            if (webhook.isPresent()) {
                outbound.enqueue(RecipientWebhooks.JOB, notice.id(), now);
            }
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
        notices.confirmed(notice.id(), clock.instant(), staff);
        return notices.find(id).orElseThrow();
    }

    List<RecipientNoticeRepository.Delivery> deliveries(UUID notice) {
        return notices.deliveries(notice);
    }

    Optional<Recipient.Webhook> webhookOf(String site, String recipient) {
        return catalogs.of(site).recipient(recipient).map(Recipient::webhook);
    }

    private static String context(UUID notice) {
        return "recipient-notice:" + notice;
    }
}
