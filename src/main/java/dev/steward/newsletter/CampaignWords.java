package dev.steward.newsletter;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The console's words for the codes campaigns keep: why a message was not sent, what kind a campaign is. */
@Component
class CampaignWords {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("no-consent", "no consent on record"),
            Map.entry("consent-withdrawn", "unsubscribed or withdrew consent"),
            Map.entry("consent-lapsed", "consent lapsed"),
            Map.entry("awaiting-confirmation", "subscription not confirmed from the mailbox"),
            Map.entry("objected", "objected to direct marketing"),
            Map.entry("restricted", "processing restricted"),
            Map.entry("suppressed", "address suppressed (erased or bounced for good)"),
            Map.entry("erased", "erased"),
            Map.entry("unknown-subject", "erased"),
            Map.entry("undeclared-purpose", "the catalog no longer declares the list"));

    String reason(String code) {
        return REASONS.getOrDefault(code, "other reason");
    }

    String kind(String kind) {
        return "operational".equals(kind) ? "operational mail" : "marketing";
    }
}
