package dev.steward.newsletter;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.Outbound;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with a campaign once composed: schedule it (or send it now), pause and resume it while it goes out,
 * or cancel it. Pausing takes its waiting messages out of the queue at once; those a worker holds at that moment are
 * put aside when it comes to them, and resuming queues them all again. A chunk already being sent finishes.
 */
@Service
class CampaignControl {

    private static final Set<MessageStatus> WAITING = EnumSet.of(MessageStatus.QUEUED, MessageStatus.HELD);

    private final CampaignRepository campaigns;
    private final CampaignMessageRepository messages;
    private final VisibleCampaigns visible;
    private final Outbound outbound;
    private final CampaignDrafts drafts;
    private final Clock clock;

    CampaignControl(
            CampaignRepository campaigns,
            CampaignMessageRepository messages,
            VisibleCampaigns visible,
            Outbound outbound,
            CampaignDrafts drafts,
            Clock clock) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.visible = visible;
        this.outbound = outbound;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Sends the campaign at the given time, or as soon as a node gets to it when none is given. */
    @Transactional
    Campaign schedule(UUID id, @Nullable Instant at) {
        visible.get(id);
        // The row is locked before the body and the pictures are read. WHY: a picture's deletion locks it too, so it
        // either committed before they are read, and its absence is refused here, or waits until this has moved the
        // campaign out of draft, and is refused there; read first, a deletion committing meanwhile let a campaign
        // go out naming a picture it no longer had.
        Set<String> attached = drafts.attachedNamesLocked(id);
        Campaign campaign = visible.get(id);
        // a draft saved before remote images were refused is checked again: none goes out; nor one whose body names a
        // picture that was deleted after it was saved
        List<FieldError> images = drafts.images(campaign.body(), attached);
        if (!images.isEmpty()) {
            throw new InvalidInputException(images);
        }
        Instant now = now();
        if (at != null && at.isBefore(now.minusSeconds(60))) {
            throw new InvalidInputException(FieldError.of("at", "in-the-past", "error.newsletter.at.in-the-past"));
        }
        move(
                id,
                EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED),
                CampaignStatus.SCHEDULED,
                at == null ? now : at.truncatedTo(ChronoUnit.MICROS));
        return visible.get(id);
    }

    @Transactional
    Campaign pause(UUID id) {
        visible.get(id);
        move(id, EnumSet.of(CampaignStatus.SENDING), CampaignStatus.PAUSED, null);
        List<UUID> taken = outbound.withdraw(CampaignDelivery.JOB, messages.ids(id, WAITING));
        messages.move(taken, MessageStatus.PAUSED);
        return visible.get(id);
    }

    @Transactional
    Campaign resume(UUID id) {
        visible.get(id);
        move(id, EnumSet.of(CampaignStatus.PAUSED), CampaignStatus.SENDING, null);
        List<UUID> paused = messages.ids(id, EnumSet.of(MessageStatus.PAUSED));
        messages.move(paused, MessageStatus.QUEUED);
        outbound.enqueueAll(CampaignDelivery.JOB, paused, now());
        return visible.get(id);
    }

    /** Stops the campaign for good: nothing more of it goes out; what went out stays counted. */
    @Transactional
    Campaign cancel(UUID id) {
        visible.get(id);
        move(
                id,
                EnumSet.of(
                        CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.SENDING, CampaignStatus.PAUSED),
                CampaignStatus.CANCELLED,
                null);
        List<UUID> taken = outbound.withdraw(CampaignDelivery.JOB, messages.ids(id, WAITING));
        messages.move(taken, MessageStatus.CANCELLED);
        messages.move(messages.ids(id, EnumSet.of(MessageStatus.PAUSED)), MessageStatus.CANCELLED);
        return visible.get(id);
    }

    /**
     * Settles, as their campaign stands now, the messages a worker put aside because it found their campaign paused;
     * runs in the worker's record of them, after it wrote them paused. WHY: a worker holding messages when staff
     * paused comes to them later, and if staff resumed before it recorded them, resuming did not find them paused:
     * they would stay paused in a campaign that goes on, and which then counts as sent without them. The campaign's
     * row, locked here until the record commits, orders the two: a resume after it finds them paused and queues them,
     * one before it is seen here and they are queued here; a cancel meanwhile cancels them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void putAside(List<CampaignMessage> paused) {
        if (paused.isEmpty()) {
            return;
        }
        Map<UUID, CampaignStatus> now = campaigns.statusesLocked(
                paused.stream().map(CampaignMessage::campaign).distinct().toList());
        Map<CampaignStatus, List<UUID>> by = paused.stream()
                .collect(Collectors.groupingBy(
                        row -> now.getOrDefault(row.campaign(), CampaignStatus.PAUSED),
                        Collectors.mapping(CampaignMessage::id, Collectors.toList())));
        List<UUID> resumed = by.getOrDefault(CampaignStatus.SENDING, List.of());
        if (!resumed.isEmpty()) {
            messages.move(resumed, MessageStatus.QUEUED);
            outbound.enqueueAll(CampaignDelivery.JOB, resumed, now());
        }
        List<UUID> cancelled = by.getOrDefault(CampaignStatus.CANCELLED, List.of());
        if (!cancelled.isEmpty()) {
            messages.move(cancelled, MessageStatus.CANCELLED);
        }
    }

    private void move(UUID id, Set<CampaignStatus> from, CampaignStatus to, @Nullable Instant at) {
        if (!campaigns.move(id, from, to, at, now())) {
            Campaign campaign = visible.get(id);
            throw new InvalidInputException(FieldError.of(
                    "status", "not-allowed", refusal(to), campaign.status().phrase()));
        }
    }

    private static String refusal(CampaignStatus to) {
        return switch (to) {
            case SCHEDULED -> "error.newsletter.status.cannot-schedule";
            case PAUSED -> "error.newsletter.status.cannot-pause";
            case SENDING -> "error.newsletter.status.cannot-resume";
            case CANCELLED -> "error.newsletter.status.cannot-cancel";
            default -> "error.newsletter.status.cannot-change";
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
