package dev.steward.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The company that decides why and how personal data is processed, with its representatives. */
public record Controller(
        String key,
        String legalName,
        @Nullable String shortName,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String fax,
        @Nullable String email,
        @Nullable String website,
        @Nullable Contact dataProtectionOfficer,
        List<Representative> representatives) {

    /** Who represents the controller in a region (GDPR Art. 27 for the EU). */
    public record Representative(
            String region,
            LocalizedText title,
            String name,
            @Nullable String shortName,
            String address,
            @Nullable String phone,
            @Nullable String fax,
            @Nullable String email) {}

    public String displayName() {
        return shortName != null ? shortName : legalName;
    }
}
