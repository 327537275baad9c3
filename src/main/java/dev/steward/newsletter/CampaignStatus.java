package dev.steward.newsletter;

import dev.steward.platform.Phrase;
import java.util.Locale;

/** Where a campaign is: composed, waiting for its time, going out, paused, stopped for good, or all sent. */
enum CampaignStatus {
    DRAFT("Draft"),
    SCHEDULED("Scheduled"),
    SENDING("Sending"),
    PAUSED("Paused"),
    CANCELLED("Cancelled"),
    SENT("Sent");

    private final String words;

    CampaignStatus(String words) {
        this.words = words;
    }

    /** The state in a sentence ("a campaign that is paused"), worded where it is shown. */
    Phrase phrase() {
        return Phrase.of("error.newsletter.state." + key());
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a person reads it. */
    String words() {
        return words;
    }

    static CampaignStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
