package dev.steward.disclosures;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A disclosure to record: the subject's data of these categories went to this recipient for this activity. All are
 * catalog keys; the record, where given, is the one whose data was passed on. The legal basis is a key such as
 * {@code gdpr-6-1-a}; the reason is a reference (a routing rule, a ticket) and must not hold personal data itself.
 */
public record NewDisclosure(
        String site,
        SubjectId subject,
        String recipient,
        String activity,
        List<String> categories,
        @Nullable RecordId record,
        @Nullable String legalBasis,
        @Nullable String reason) {

    public NewDisclosure {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public static NewDisclosure of(
            String site, SubjectId subject, String recipient, String activity, List<String> categories) {
        return new NewDisclosure(site, subject, recipient, activity, categories, null, null, null);
    }

    public NewDisclosure ofRecord(@Nullable RecordId record) {
        return new NewDisclosure(site, subject, recipient, activity, categories, record, legalBasis, reason);
    }

    public NewDisclosure because(@Nullable String legalBasis, @Nullable String reason) {
        return new NewDisclosure(site, subject, recipient, activity, categories, record, legalBasis, reason);
    }
}
