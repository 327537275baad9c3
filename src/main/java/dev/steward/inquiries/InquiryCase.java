package dev.steward.inquiries;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact case: which submission (record) of which site, form and activity, routed to which recipient, where it
 * stands and who works on it. Nothing personal: the submission is read through the vault.
 */
record InquiryCase(
        UUID id,
        RecordId record,
        SubjectId subject,
        String site,
        String form,
        String activity,
        @Nullable String recipient,
        CaseStatus status,
        @Nullable String assignee,
        Instant receivedAt,
        @Nullable Instant answeredAt,
        @Nullable Instant closedAt) {

    boolean isClosed() {
        return status == CaseStatus.CLOSED;
    }
}
