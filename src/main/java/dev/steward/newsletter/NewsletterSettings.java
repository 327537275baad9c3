package dev.steward.newsletter;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How campaigns go out.
 *
 * @param interval how often each node starts the campaigns that are due and sends what is queued
 * @param chunk messages one worker claims and sends over one connection: also the most a crash can repeat per worker
 * @param parallelism workers of a node, each with its own connection to the mail server
 * @param ratePerSecond the most messages a node sends per second for one site (0: no limit)
 * @param siteRates the same per site, where a site needs another rate
 * @param holdRecheck how often operational mail kept back by a restriction is looked at again
 * @param inboundSecret the secret with which the operator's mail system hands bounces and unsubscribe mail to Steward
 *     ({@code POST /api/v1/mail/inbound}); empty: the address answers 404
 * @param images what pictures a campaign may carry inside its messages: every message carries them all, so they are
 *     kept small (a campaign of 100,000 messages with 1 MB of pictures is 130 GB of mail)
 */
@ConfigurationProperties("steward.newsletter")
record NewsletterSettings(
        @DefaultValue("PT5S") Duration interval,
        @DefaultValue("200") int chunk,
        @DefaultValue("2") int parallelism,
        @DefaultValue("50") int ratePerSecond,
        Map<String, Integer> siteRates,
        @DefaultValue("PT1M") Duration holdRecheck,
        @Nullable String inboundSecret,
        @DefaultValue Images images) {

    NewsletterSettings {
        siteRates = siteRates == null ? Map.of() : Map.copyOf(siteRates);
        images = images == null ? new Images(DataSize.ofKilobytes(512), DataSize.ofMegabytes(1), 20) : images;
    }

    /**
     * @param maxSize the largest picture ({@code STEWARD_CAMPAIGN_IMAGE_MAX_SIZE}); above the request limit
     *     ({@code STEWARD_MAX_REQUEST_BODY}, 1 MB) it needs that raised too
     * @param maxTotal the most all of a campaign's pictures may come to ({@code STEWARD_CAMPAIGN_IMAGES_MAX_TOTAL})
     * @param maxCount the most pictures a campaign may carry
     */
    record Images(
            @DefaultValue("512KB") DataSize maxSize,
            @DefaultValue("1MB") DataSize maxTotal,
            @DefaultValue("20") int maxCount) {}

    int rateOf(String site) {
        return siteRates.getOrDefault(site, ratePerSecond);
    }
}
