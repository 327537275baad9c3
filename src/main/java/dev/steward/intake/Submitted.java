package dev.steward.intake;

import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of an accepted submission: its record and subject, whether it is processed or held for a parent, the
 * receipt of every consent recorded with the purpose it is for (the page names each receipt by it), where it was
 * routed, and which purposes wait for a confirmation by e-mail.
 */
record Submitted(
        RecordId record,
        SubjectId subject,
        Status status,
        List<String> receipts,
        List<String> receiptPurposes,
        @Nullable String recipient,
        List<String> awaitingConfirmation) {

    enum Status {
        ACCEPTED("accepted"),
        AWAITING_PARENT("awaiting-parent");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }
}
