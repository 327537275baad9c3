package dev.steward.catalog;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A form a site offers: which activity it feeds, which of the activity's fields it shows and in which order,
 * one consent box per purpose, and where a submission goes.
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
        @Nullable LocalizedText confirmation) {

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
