package dev.steward.newsletter;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteMail;
import dev.steward.mail.InlineImage;
import dev.steward.mail.MessagePictures;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The pictures of a campaign's messages in the dev mailbox: a message's outbox id is its campaign message's id, and
 * its pictures are its campaign's (fixed once the campaign left its draft), under the Content-IDs the campaign's
 * rendering gave them. The mailbox has already decided that the caller may see the messages; this only reads pictures,
 * the company's content.
 */
@Component
class CampaignMessagePictures implements MessagePictures {

    private final CampaignMessageRepository messages;
    private final CampaignRepository campaigns;
    private final CampaignImageRepository images;
    private final Catalogs catalogs;

    CampaignMessagePictures(
            CampaignMessageRepository messages,
            CampaignRepository campaigns,
            CampaignImageRepository images,
            Catalogs catalogs) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.images = images;
        this.catalogs = catalogs;
    }

    @Override
    public Map<UUID, List<InlineImage>> of(Collection<UUID> ids) {
        Map<UUID, List<InlineImage>> perCampaign = new HashMap<>();
        Map<UUID, List<InlineImage>> found = new HashMap<>();
        for (CampaignMessage message : messages.find(ids)) {
            found.put(message.id(), perCampaign.computeIfAbsent(message.campaign(), this::pictures));
        }
        return found;
    }

    private List<InlineImage> pictures(UUID id) {
        Optional<String> domain = campaigns
                .find(id)
                .flatMap(campaign -> catalogs.site(campaign.site()))
                .map(Site::mail)
                .map(SiteMail::from)
                .map(SiteMail.Sender::domain);
        if (domain.isEmpty()) {
            return List.of();
        }
        return images.all(id).stream()
                .map(stored -> new InlineImage(
                        CampaignRenderer.contentId(stored.image().name(), domain.get(), id),
                        stored.image().name(),
                        stored.image().mediaType(),
                        stored.bytes()))
                .toList();
    }
}
