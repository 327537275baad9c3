package dev.steward.newsletter;

import dev.steward.platform.OutboundItem;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Reads a claimed chunk's messages and decides who may receive what ({@link RecipientChecks}) for the whole chunk at
 * once, right after its claim (while the worker's chunk before it goes out): one set of queries per chunk. WHY not part
 * by part, as before: each part paid the same statements again, and the campaign's CPU per message is part of what
 * bounds its rate (bench/README.md).
 */
@Component
@Profile("!cli")
class ChunkChecks {

    private final CampaignMessageRepository messages;
    private final CampaignRepository campaigns;
    private final RecipientChecks checks;
    private final Clock clock;

    ChunkChecks(CampaignMessageRepository messages, CampaignRepository campaigns, RecipientChecks checks, Clock clock) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.checks = checks;
        this.clock = clock;
    }

    /** A chunk's messages' rows, their campaigns, and the verdicts of those whose campaign is sending. */
    record Checked(Map<UUID, CampaignMessage> rows, Map<UUID, Campaign> campaigns, Map<UUID, Verdict> verdicts) {}

    Checked of(List<OutboundItem> items) {
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
        return new Checked(rows, byId, verdicts);
    }
}
