package dev.steward.intake;

import dev.steward.platform.ShownError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a form's page shows, read from the catalog: the fields in the form's order, the consent boxes with their
 * exact wording, how to withdraw, the notice version in force, the age question where the jurisdiction asks it, and,
 * after a refusal, what the visitor typed (never a password) with every error at its field.
 */
record FormPage(
        String siteKey,
        String siteName,
        String formKey,
        String title,
        @Nullable String introduction,
        List<FieldView> fields,
        List<BoxView> boxes,
        @Nullable String withdrawal,
        String noticeVersion,
        String noticeUrl,
        String jurisdiction,
        String jurisdictionName,
        List<RegionLink> regions,
        @Nullable AgeView age,
        String submitLabel,
        String action,
        List<ShownError> errors,
        Map<String, String> errorOf) {

    record FieldView(
            String key,
            String name,
            String id,
            String label,
            String control,
            boolean voluntary,
            @Nullable String help,
            @Nullable Integer maxLength,
            List<OptionView> options,
            String value,
            @Nullable String error,
            @Nullable String autocomplete,
            @Nullable String describedBy) {

        @Override
        public String toString() {
            return "FieldView[" + key + "]";
        }
    }

    record OptionView(String value, String label, boolean selected) {}

    record BoxView(
            String purpose,
            String id,
            String text,
            boolean required,
            boolean ticked,
            @Nullable String withdrawal,
            @Nullable String error,
            @Nullable String describedBy) {}

    /**
     * The age question of the jurisdiction's gate, and the parent's address for a child where a parent confirms. Where
     * the gate refuses children the question is neutral: no hint names the age that matters.
     */
    record AgeView(
            int minimumAge,
            boolean parental,
            boolean asksBirthDate,
            @Nullable String hint,
            String value,
            String parentEmail,
            @Nullable String error,
            @Nullable String parentError) {

        @Override
        public String toString() {
            return "AgeView[minimumAge=" + minimumAge + "]";
        }
    }

    record RegionLink(String key, String name, String href, boolean current) {}
}
