package dev.steward.newsletter;

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
