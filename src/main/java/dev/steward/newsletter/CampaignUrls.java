package dev.steward.newsletter;

import dev.steward.platform.StewardProperties;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The addresses a campaign message links to, all on Steward's public address: the unsubscribe link (by a token only
 * its message carries), and the tracking pixel and click redirect, which name the campaign and a pseudonym and
 * nothing else.
 */
@Component
class CampaignUrls {

    private final String base;

    CampaignUrls(StewardProperties properties) {
        String url = properties.publicUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String unsubscribe(String site, String token) {
        return base + "/s/" + site + "/unsubscribe/" + token;
    }

    String pixel(String site, UUID campaign, String pseudonym) {
        return base + "/s/" + site + "/n/" + campaign + "/o/" + pseudonym;
    }

    String click(String site, UUID campaign, int link, String pseudonym) {
        return base + "/s/" + site + "/n/" + campaign + "/c/" + link + "/" + pseudonym;
    }

    String privacy(String site) {
        return base + "/s/" + site + "/privacy";
    }
}
