package dev.steward.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A processing activity (GDPR Art. 30): what a site does with personal data, for which purposes, about whom,
 * with which fields, shared with which recipients, kept how long. Where a purpose rests on consent the activity
 * carries the exact consent wording and how to withdraw.
 */
public record ProcessingActivity(
        String key,
        @Nullable String site,
        LocalizedText name,
        @Nullable LocalizedText description,
        List<String> purposes,
        List<LocalizedText> dataSubjects,
        List<CollectedField> fields,
        List<String> recipients,
        @Nullable String retention,
        @Nullable LocalizedText retentionStatement,
        @Nullable ConsentWording consent,
        boolean linkedToSubmittedData,
        boolean usedForMarketing) {

    /** A field the activity collects; {@code voluntary} fields may be left empty. */
    public record CollectedField(String field, boolean voluntary) {

        /** Lets a catalog write a plain field key for a mandatory field. */
        public static CollectedField of(String field) {
            return new CollectedField(field, false);
        }
    }

    /** What a visitor is told before consenting, and how they can take it back (GDPR Art. 7(3)). */
    public record ConsentWording(LocalizedText text, LocalizedText withdrawal) {}

    public boolean collects(String field) {
        return fields.stream().anyMatch(collected -> field.equals(collected.field()));
    }

    public boolean isVoluntary(String field) {
        return fields.stream().anyMatch(collected -> field.equals(collected.field()) && collected.voluntary());
    }
}
