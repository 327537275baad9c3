package dev.steward.newsletter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.steward.mail.BulkMail;
import dev.steward.platform.Lease;
import dev.steward.platform.Outbound;
import dev.steward.platform.OutboundItem;
import dev.steward.platform.OutboundJob;
import dev.steward.platform.StartMarks;
import dev.steward.vault.Identifier;
import dev.steward.vault.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Sends campaign messages as an {@link Outbound} job: a worker claims a chunk, decides who in it may receive what
 * ({@link ChunkChecks}, for the whole chunk, on another thread while the chunk before goes out, and again for its rest
 * once those decisions are a second old), sends the chunk over one connection at the site's rate, and records every
 * outcome in one statement. Each message is marked as started just before it is handed to the mail server (in windows:
 * {@link StartMarks}). A crash repeats at most the chunks in flight, each message under its one Message-ID, and counts
 * as interrupted only the messages marked; the chunk claimed ahead comes back untried.
 */
@Component
@Profile("!cli")
class CampaignDelivery implements OutboundJob.ClaimedAhead<CampaignDelivery.Attempt, CampaignDelivery.Prepared> {

    static final String JOB = "campaign";

    /**
     * How old a chunk's decisions may grow before its remaining messages are decided again. WHY: at the site's rate
     * (50 a second, shared by the workers) a chunk of 200 takes seconds, and an unsubscribe in that time must stop
     * the person's message all the same; at full speed a chunk takes a fraction of a second and is checked once.
     */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final CampaignMessageRepository messages;
    private final ChunkChecks chunks;
    private final CampaignRenderer renderer;
    private final BulkMail mail;
    private final SiteRates rates;
    private final UnsubscribeTokens tokens;
    private final SuppressionList suppression;
    private final NewsletterSettings settings;
    private final Outbound outbound;
    private final CampaignControl control;
    private final Clock clock;
    private final Cache<UUID, Optional<RenderedCampaign>> rendered =
            Caffeine.newBuilder().maximumSize(32).build();

    CampaignDelivery(
            CampaignMessageRepository messages,
            ChunkChecks chunks,
            CampaignRenderer renderer,
            BulkMail mail,
            SiteRates rates,
            UnsubscribeTokens tokens,
            SuppressionList suppression,
            NewsletterSettings settings,
            Outbound outbound,
            CampaignControl control,
            Clock clock) {
        this.messages = messages;
        this.chunks = chunks;
        this.renderer = renderer;
        this.mail = mail;
        this.rates = rates;
        this.tokens = tokens;
        this.suppression = suppression;
        this.settings = settings;
        this.outbound = outbound;
        this.control = control;
        this.clock = clock;
    }

    /** What became of one message at one attempt. */
    enum Outcome {
        SENT,
        /** Refused for good by the mail server. */
        REFUSED,
        /** Not sent this time; tried again after a pause. */
        FAILED,
        /** The person may not receive it. */
        SKIPPED,
        HELD,
        PAUSED,
        CANCELLED,
        /** Its row is gone. */
        GONE
    }

    record Attempt(
            Outcome outcome,
            @Nullable CampaignMessage message,
            @Nullable String detail,
            boolean tracked,
            boolean hardBounce,
            Instant at)
            implements OutboundJob.Result {

        @Override
        public Next next() {
            return switch (outcome) {
                case FAILED -> Next.retry(detail == null ? "failed" : detail);
                case HELD -> Next.later(at);
                default -> Next.done();
            };
        }
    }

    /** Sends everything due, beside whatever other nodes send; answers how many messages were settled. */
    int drain() {
        return outbound.drain(this);
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public int chunk() {
        return settings.chunk();
    }

    @Override
    public int parallelism() {
        return settings.parallelism();
    }

    @Override
    public Duration attemptBound() {
        return mail.attemptBound();
    }

    /** A chunk's checks, and when they were made. */
    record Prepared(ChunkChecks.Checked checked, Instant at) {}

    /**
     * Decides the claimed chunk, on the thread that claimed it ahead while the worker sent the chunk before: the
     * decisions are then that chunk's sending old when this one starts (some tens of milliseconds at full speed), and
     * decided again for the rest once they are older than {@link #RECHECK}.
     */
    @Override
    public Prepared prepare(List<OutboundItem> items) {
        ChunkChecks.Checked checked = chunks.of(items);
        return new Prepared(checked, clock.instant());
    }

    @Override
    public Map<UUID, Attempt> attempt(List<OutboundItem> items, Prepared prepared, Lease lease) {
        Map<UUID, Attempt> results = new LinkedHashMap<>();
        ChunkChecks.Checked checked = prepared.checked();
        Instant checkedAt = prepared.at();
        StartMarks starts = lease.starts(items);
        try (BulkMail.Session session = mail.open(lease)) {
            for (int i = 0; i < items.size(); i++) {
                OutboundItem item = items.get(i);
                if (clock.instant().isAfter(checkedAt.plus(RECHECK))) {
                    // the site's rate or a slow server stretched the chunk: decide its rest again
                    checked = chunks.of(items.subList(i, items.size()));
                    checkedAt = clock.instant();
                }
                Attempt attempt = lease.allows(attemptBound())
                        ? attempt(checked, item, session, lease, () -> starts.begin(item))
                        : null;
                if (attempt == null) {
                    return results;
                }
                results.put(item.id(), attempt);
            }
        }
        return results;
    }

    private @Nullable Attempt attempt(
            ChunkChecks.Checked checked,
            OutboundItem item,
            BulkMail.Session session,
            Lease lease,
            BooleanSupplier begin) {
        CampaignMessage row = checked.rows().get(item.id());
        Campaign campaign = row == null ? null : checked.campaigns().get(row.campaign());
        return campaign == null
                ? new Attempt(Outcome.GONE, row, null, false, false, clock.instant())
                : attempt(campaign, row, checked.verdicts().get(row.id()), session, lease, begin);
    }

    /**
     * The attempt at one message; null when the site's rate leaves no time for it within the lease, or the lease no
     * longer holds it. {@code begin} marks it as started just before it is handed to the mail server.
     */
    private @Nullable Attempt attempt(
            Campaign campaign,
            CampaignMessage row,
            @Nullable Verdict verdict,
            BulkMail.Session session,
            Lease lease,
            BooleanSupplier begin) {
        Instant now = clock.instant();
        if (campaign.status() == CampaignStatus.PAUSED || campaign.status() == CampaignStatus.CANCELLED) {
            Outcome outcome = campaign.status() == CampaignStatus.PAUSED ? Outcome.PAUSED : Outcome.CANCELLED;
            return new Attempt(outcome, row, null, false, false, now);
        }
        Optional<RenderedCampaign> ready = rendered.get(campaign.id(), ignored -> render(campaign));
        if (verdict == null || ready.isEmpty()) {
            return new Attempt(Outcome.SKIPPED, row, "undeclared-purpose", false, false, now);
        }
        if (verdict instanceof Verdict.Skip skip) {
            return new Attempt(Outcome.SKIPPED, row, skip.reason(), false, false, now);
        }
        if (verdict instanceof Verdict.Hold) {
            return new Attempt(Outcome.HELD, row, null, false, false, now.plus(settings.holdRecheck()));
        }
        Verdict.Send send = (Verdict.Send) verdict;
        if (!rates.acquire(campaign.site(), lease.remaining().minus(attemptBound()))) {
            return null;
        }
        RenderedCampaign message = ready.get();
        BulkMail.Message letter = new BulkMail.Message(
                row.id(),
                message.messageId(row.id()),
                campaign.site(),
                send.addressee().subjects().get(0),
                campaign.kind(),
                campaign.marketing() ? campaign.purpose() : null,
                message.letter(send.addressee().address(), tokens.of(row.id()), send.pseudonym()));
        if (!begin.getAsBoolean()) {
            return null;
        }
        BulkMail.Delivery delivery = session.send(letter);
        boolean tracked = send.pseudonym() != null && message.trackable();
        return switch (delivery.result()) {
            case SENT -> new Attempt(Outcome.SENT, row, null, tracked, false, clock.instant());
            case REFUSED ->
                new Attempt(Outcome.REFUSED, row, "refused " + delivery.detail(), false, delivery.hardBounce(), now);
            case FAILED -> new Attempt(Outcome.FAILED, row, delivery.detail(), false, false, now);
        };
    }

    /** The campaign rendered once; empty when the catalog no longer declares its list. */
    private Optional<RenderedCampaign> render(Campaign campaign) {
        try {
            return Optional.of(renderer.render(campaign));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public void record(List<Settled<Attempt>> settled) {
        List<CampaignMessageRepository.Settled> rows = new ArrayList<>();
        List<CampaignMessage> putAside = new ArrayList<>();
        for (Settled<Attempt> each : settled) {
            Attempt attempt = each.result();
            Settlement settlement = each.settlement();
            if (attempt == null) {
                // in flight twice when its node stopped: it may have gone out, so it is not sent a third time
                rows.add(new CampaignMessageRepository.Settled(
                        each.item().id(),
                        MessageStatus.FAILED,
                        settlement.error(),
                        false,
                        settlement.attempts(),
                        null));
            } else if (attempt.message() != null && attempt.outcome() != Outcome.GONE) {
                rows.add(settledRow(attempt, settlement));
                if (attempt.outcome() == Outcome.PAUSED) {
                    putAside.add(attempt.message());
                }
                if (attempt.hardBounce()) {
                    suppression.addIndex(attempt.message().emailIndex(), Identifier.Kind.EMAIL);
                }
            }
        }
        messages.settle(rows);
        control.putAside(putAside);
    }

    private static CampaignMessageRepository.Settled settledRow(Attempt attempt, Settlement settlement) {
        CampaignMessage message = attempt.message();
        MessageStatus status = switch (attempt.outcome()) {
            case SENT -> MessageStatus.SENT;
            case SKIPPED -> MessageStatus.SKIPPED;
            case HELD -> MessageStatus.HELD;
            case PAUSED -> MessageStatus.PAUSED;
            case CANCELLED -> MessageStatus.CANCELLED;
            case FAILED -> settlement.kind() == Settlement.Kind.GAVE_UP ? MessageStatus.FAILED : MessageStatus.QUEUED;
            default -> MessageStatus.FAILED;
        };
        return new CampaignMessageRepository.Settled(
                message.id(),
                status,
                attempt.detail(),
                attempt.tracked(),
                settlement.attempts(),
                attempt.outcome() == Outcome.SENT ? attempt.at() : null);
    }
}
