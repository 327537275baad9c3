package dev.steward.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Someone personal data is disclosed to: a group company, a distributor, a processor such as a hosting service.
 * A recipient outside the EEA needs a transfer safeguard. With a webhook it is told of rectifications, erasures
 * and restrictions automatically (GDPR Art. 19); without one, staff are asked to tell it by hand.
 */
public record Recipient(
        String key,
        LocalizedText name,
        Role role,
        String country,
        @Nullable LocalizedText service,
        @Nullable Safeguard safeguard,
        boolean confidentialityAgreement,
        List<String> serves,
        @Nullable String contactEmail,
        @Nullable Webhook webhook) {

    public enum Role {
        GROUP_COMPANY,
        DISTRIBUTOR,
        PROCESSOR,
        AGENT,
        PARTNER,
        AUTHORITY
    }

    /** Why a transfer outside the EEA is lawful. */
    public enum Safeguard {
        ADEQUACY_DECISION("Adequacy decision, Art. 45 GDPR"),
        STANDARD_CONTRACTUAL_CLAUSES("Standard Contractual Clauses, Art. 46(2)(c) GDPR"),
        BINDING_CORPORATE_RULES("Binding corporate rules, Art. 47 GDPR"),
        EXPLICIT_CONSENT("Explicit consent, Art. 49 GDPR");

        private final String citation;

        Safeguard(String citation) {
            this.citation = citation;
        }

        public String citation() {
            return citation;
        }
    }

    /** Where Art. 19 notifications are posted; the secret is read from the named environment variable. */
    public record Webhook(String url, String secretEnv) {}

    public boolean isInEea() {
        return Countries.isInEea(country);
    }
}
