package dev.steward.newsletter;

import dev.steward.platform.Outbound;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs campaigns on every node: starts those whose time has come (one node takes each), sends what is queued beside
 * the other nodes, and marks a campaign sent once none of its messages waits. Starting finds the audience and queues
 * one message per address, all in one transaction: either the whole campaign is queued or none of it.
 */
@Component
@Profile("!cli")
class CampaignStarter {

    private static final Logger log = LoggerFactory.getLogger(CampaignStarter.class);

    private final CampaignRepository campaigns;
    private final CampaignMessageRepository messages;
    private final CampaignLists lists;
    private final Audience audience;
    private final CampaignDelivery delivery;
    private final Outbound outbound;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CampaignStarter(
            CampaignRepository campaigns,
            CampaignMessageRepository messages,
            CampaignLists lists,
            Audience audience,
            CampaignDelivery delivery,
            Outbound outbound,
            TransactionTemplate transaction,
            Clock clock) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.lists = lists;
        this.audience = audience;
        this.delivery = delivery;
        this.outbound = outbound;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${steward.newsletter.interval:PT5S}",
            initialDelayString = "${steward.newsletter.interval:PT5S}")
    void scheduled() {
        run();
    }

    /** Starts the due campaigns, sends everything queued, and finishes what is done; answers messages settled. */
    int run() {
        startDue();
        int settled = delivery.drain();
        transaction.executeWithoutResult(status -> campaigns.finishDone(now()));
        return settled;
    }

    /** Starts every campaign whose time has come, each in its own transaction; answers how many. */
    int startDue() {
        int started = 0;
        while (startOne()) {
            started++;
        }
        return started;
    }

    private boolean startOne() {
        Boolean started = transaction.execute(status -> {
            Optional<Campaign> due = campaigns.startDue(now());
            due.ifPresent(this::queue);
            return due.isPresent();
        });
        return Boolean.TRUE.equals(started);
    }

    private void queue(Campaign campaign) {
        Optional<MailingList> list = lists.find(campaign.site(), campaign.purpose());
        Audience.Recipients recipients =
                inSubjectOrder(list.map(audience::of).orElse(new Audience.Recipients(List.of(), List.of())));
        // WHY random ids, sorted, in the subjects' order: the queue hands out its items in the order they were
        // queued, so a chunk's messages are then neighbours in every index the send reads and writes by message id
        // (the rows, the queue's key, the settle) and by subject (keys, the ledger, whose bulk subjects are
        // time-ordered): a chunk touches a few pages of each instead of a page per message (bench/README.md,
        // campaign7). Random, not time-ordered: a message id is its Message-ID, which a bounce or complaint forwarded
        // as raw mail names, so one recipient must not be able to work out another's from their own.
        List<UUID> ids = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            ids.add(UUID.randomUUID());
        }
        ids.sort(CampaignStarter::compareUnsigned);
        messages.insertQueued(campaign.id(), ids, recipients.emailIndexes(), recipients.subjects());
        outbound.enqueueAll(CampaignDelivery.JOB, ids, now());
        campaigns.recipients(campaign.id(), ids.size());
        log.info("Campaign {} of site {} started: {} recipients", campaign.id(), campaign.site(), ids.size());
    }

    /** The recipients sorted by subject id as PostgreSQL orders uuids (bytewise, unsigned). */
    private static Audience.Recipients inSubjectOrder(Audience.Recipients recipients) {
        List<Integer> order = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(
                (Integer i) -> recipients.subjects().get(i).value(), CampaignStarter::compareUnsigned));
        List<byte[]> indexes = new ArrayList<>(order.size());
        List<SubjectId> subjects = new ArrayList<>(order.size());
        for (int i : order) {
            indexes.add(recipients.emailIndexes().get(i));
            subjects.add(recipients.subjects().get(i));
        }
        return new Audience.Recipients(indexes, subjects);
    }

    private static int compareUnsigned(UUID a, UUID b) {
        int most = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return most != 0 ? most : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
