package dev.steward.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A form a site offers: which activity it feeds, which of the activity's fields it shows and in which order,
 * one consent box per purpose, and where a submission goes. The connection a submission arrives over (IP address,
 * browser, time) is kept only where {@code connectionData} names an activity for it, under that activity's own
 * purpose and retention (seed 001 §3.3: misuse prevention). A registration through a form that
 * {@code unlocksDownloads} opens the account's download area (seed 001 §3.2).
 */
public record Form(
        String key,
        @Nullable String site,
        String activity,
        LocalizedText title,
        @Nullable LocalizedText introduction,
        List<String> fields,
        List<ConsentBox> consents,
        @Nullable Routing routing,
        boolean createsAccount,
        boolean asksBirthDate,
        @Nullable LocalizedText submitLabel,
        @Nullable LocalizedText confirmation,
        @Nullable String connectionData,
        boolean unlocksDownloads) {

    /** The technical fields a submission's connection fills, by key: the sender's IP address, browser and time. */
    public static final Set<String> CONNECTION_FIELDS = Set.of("connectionIp", "userAgent", "submittedAt");

    /** A consent box: required boxes must be ticked to submit; optional ones start unticked. */
    public record ConsentBox(String purpose, boolean required, LocalizedText text) {}

    /**
     * Routes a submission to a recipient by the value of one field, e.g. the visitor's location decides which
     * group company or distributor answers.
     */
    public record Routing(
            String field,
            Map<String, String> recipients,
            @Nullable String otherwise) {}
}
