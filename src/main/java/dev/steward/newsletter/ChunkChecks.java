package dev.steward.newsletter;

import dev.steward.platform.OutboundItem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a claimed chunk's messages and decides who may receive what ({@link RecipientChecks}) part by part, each part
 * on another thread while the worker sends the part before it: the worker's SMTP connection would otherwise wait for
 * the database for a chunk's every check before its first message. A message is still checked just before it goes,
 * at most one part ({@value #PART} messages) ahead, where checking the whole chunk first put up to a chunk between
 * check and send.
 */
@Component
@Profile("!cli")
class ChunkChecks implements DisposableBean {

    static final int PART = 50;

    private static final Logger log = LoggerFactory.getLogger(ChunkChecks.class);

    private final CampaignMessageRepository messages;
    private final CampaignRepository campaigns;
    private final RecipientChecks checks;
    private final Clock clock;
    private final ExecutorService ahead = Executors.newCachedThreadPool(daemons());

    ChunkChecks(CampaignMessageRepository messages, CampaignRepository campaigns, RecipientChecks checks, Clock clock) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.checks = checks;
        this.clock = clock;
    }

    /** Part of a chunk: its messages' rows, their campaigns, and the verdicts of those whose campaign is sending. */
    record Part(
            List<OutboundItem> items,
            Map<UUID, CampaignMessage> rows,
            Map<UUID, Campaign> campaigns,
            Map<UUID, Verdict> verdicts) {}

    /** The chunk's parts, the first checked at once, each later one while the one before it is sent. */
    Parts of(List<OutboundItem> items) {
        return new Parts(items);
    }

    final class Parts {

        private final List<OutboundItem> items;
        private int next;
        private @Nullable Future<Part> checking;

        private Parts(List<OutboundItem> items) {
            this.items = items;
        }

        /**
         * The next part, and the one after it set checking; null when none is left or a later part's check failed
         * (its messages are left unattempted, to be claimed again). A failure of the first part's check is thrown:
         * nothing has gone out yet.
         */
        @Nullable
        Part next() {
            if (next >= items.size() && checking == null) {
                return null;
            }
            Part part;
            if (checking == null) {
                part = check(slice());
            } else {
                try {
                    part = checking.get();
                } catch (ExecutionException e) {
                    // the exception's kind only: its message may quote a row
                    log.error(
                            "Checking part of a campaign chunk failed: {}",
                            e.getCause().getClass().getName());
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            checking = next < items.size() ? checkAhead() : null;
            return part;
        }

        private @Nullable Future<Part> checkAhead() {
            List<OutboundItem> slice = slice();
            try {
                return ahead.submit(() -> check(slice));
            } catch (RejectedExecutionException e) {
                // the node is stopping: the rest of the chunk is left for the next claim
                next = items.size();
                return null;
            }
        }

        private List<OutboundItem> slice() {
            List<OutboundItem> slice = items.subList(next, Math.min(items.size(), next + PART));
            next += slice.size();
            return slice;
        }
    }

    private Part check(List<OutboundItem> items) {
        Map<UUID, CampaignMessage> rows = messages
                .find(items.stream().map(OutboundItem::id).toList())
                .stream()
                .collect(Collectors.toMap(CampaignMessage::id, Function.identity()));
        Map<UUID, Campaign> byId = new HashMap<>();
        Map<UUID, Verdict> verdicts = new HashMap<>();
        rows.values().stream()
                .collect(Collectors.groupingBy(CampaignMessage::campaign))
                .forEach((id, ofCampaign) -> campaigns.find(id).ifPresent(campaign -> {
                    byId.put(id, campaign);
                    if (campaign.status() == CampaignStatus.SENDING) {
                        verdicts.putAll(checks.decide(campaign, ofCampaign, clock.instant()));
                    }
                }));
        return new Part(items, rows, byId, verdicts);
    }

    private static ThreadFactory daemons() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("campaign-checks-");
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public void destroy() {
        ahead.shutdownNow();
    }
}
