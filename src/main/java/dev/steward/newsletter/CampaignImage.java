package dev.steward.newsletter;

import java.time.Instant;

/**
 * A picture attached to a campaign draft, sent inside every message of the campaign: its name (what the body's
 * {@code ![alt](cid:name)} names), its type as its bytes tell it, and its size. The company's content, not personal
 * data.
 */
record CampaignImage(String name, String mediaType, int size, String uploadedBy, Instant uploadedAt) {

    /**
     * What to paste into the body to show it; the alternative text is for staff to write. Public because the console's
     * template calls it, and SpEL calls public methods only.
     */
    public String markdown() {
        int dot = name.lastIndexOf('.');
        return "![" + (dot > 0 ? name.substring(0, dot) : name) + "](cid:" + name + ")";
    }

    /** A picture with its bytes, as a message carries it. */
    record Stored(CampaignImage image, byte[] bytes) {}
}
