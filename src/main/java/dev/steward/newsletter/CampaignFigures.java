package dev.steward.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A campaign's progress and figures, counts only: how many messages wait, went, failed, bounced or were skipped (and
 * why), how many people opened it, clicked a link (each link too) and unsubscribed through it.
 */
@Component
class CampaignFigures {

    private final CampaignMessageRepository messages;
    private final Tracking tracking;
    private final CampaignLists lists;

    CampaignFigures(CampaignMessageRepository messages, Tracking tracking, CampaignLists lists) {
        this.messages = messages;
        this.tracking = tracking;
        this.lists = lists;
    }

    record Figures(
            UUID id,
            String site,
            String kind,
            String list,
            String listName,
            String subjectLine,
            String status,
            String statusWords,
            @Nullable Instant scheduledAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            String createdBy,
            int recipients,
            long queued,
            long held,
            long paused,
            long sent,
            long failed,
            long skipped,
            Map<String, Long> skippedBecause,
            long cancelled,
            long bounced,
            long complaints,
            long unsubscribed,
            long opened,
            long clicked,
            List<LinkFigure> links) {

        /** Messages settled out of all, as a whole percentage, for the console's progress bar (public for its template). */
        public int percentDone() {
            long done = sent + failed + skipped + cancelled;
            return recipients == 0 ? (status.equals("sent") ? 100 : 0) : (int) (100 * done / recipients);
        }
    }

    record LinkFigure(String url, long clicked) {}

    Figures of(Campaign campaign) {
        CampaignMessageRepository.Counts counts = messages.counts(campaign.id());
        Tracking.TrackingFigures tracked = tracking.figures(campaign);
        List<LinkFigure> links = IntStream.range(0, campaign.links().size())
                .mapToObj(i -> new LinkFigure(
                        campaign.links().get(i), tracked.clickedByLink().get(i)))
                .toList();
        return new Figures(
                campaign.id(),
                campaign.site(),
                CampaignRepository.kind(campaign.kind()),
                campaign.purpose(),
                lists.find(campaign.site(), campaign.purpose())
                        .map(MailingList::name)
                        .orElse(campaign.purpose()),
                campaign.subjectLine(),
                campaign.status().key(),
                campaign.status().words(),
                campaign.scheduledAt(),
                campaign.startedAt(),
                campaign.finishedAt(),
                campaign.createdBy(),
                campaign.recipients(),
                counts.of(MessageStatus.QUEUED),
                counts.of(MessageStatus.HELD),
                counts.of(MessageStatus.PAUSED),
                counts.of(MessageStatus.SENT),
                counts.of(MessageStatus.FAILED),
                counts.of(MessageStatus.SKIPPED),
                counts.skipped(),
                counts.of(MessageStatus.CANCELLED),
                counts.bounced(),
                campaign.complaints(),
                campaign.unsubscribed(),
                tracked.opened(),
                tracked.clicked(),
                links);
    }
}
