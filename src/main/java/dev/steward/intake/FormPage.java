package dev.steward.intake;

import dev.steward.catalog.LocalizedText.Shown;
import dev.steward.platform.ShownError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a form's page shows, read from the catalog: the fields in the form's order, the consent boxes with their
 * exact wording, how to withdraw, the notice version in force, the age question where the jurisdiction asks it, and,
 * after a refusal, what the visitor typed (never a password) with every error at its field. The catalog's texts carry
 * their language where it is not the page's; without a submit label of its own the button says the page's "Send".
 */
record FormPage(
        String siteKey,
        String siteName,
        String formKey,
        Shown title,
        @Nullable Shown introduction,
        List<FieldView> fields,
        List<BoxView> boxes,
        @Nullable Shown withdrawal,
        String noticeVersion,
        String noticeUrl,
        String jurisdiction,
        Shown jurisdictionName,
        List<RegionLink> regions,
        @Nullable AgeView age,
        @Nullable Shown submitLabel,
        String action,
        List<ShownError> errors,
        Map<String, String> errorOf) {

    record FieldView(
            String key,
            String name,
            String id,
            Shown label,
            String control,
            boolean voluntary,
            @Nullable Shown help,
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

    record OptionView(String value, Shown label, boolean selected) {}

    record BoxView(
            String purpose,
            String id,
            Shown text,
            boolean required,
            boolean ticked,
            @Nullable Shown withdrawal,
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
            @Nullable Shown hint,
            String value,
            String parentEmail,
            @Nullable String error,
            @Nullable String parentError) {

        @Override
        public String toString() {
            return "AgeView[minimumAge=" + minimumAge + "]";
        }
    }

    record RegionLink(String key, Shown name, String href, boolean current) {}
}
