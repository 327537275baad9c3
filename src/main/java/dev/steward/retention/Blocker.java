package dev.steward.retention;

import dev.steward.vault.RecordId;
import java.time.Instant;

/**
 * Why a record may not be erased now, and until when: a legal hold staff placed, or a statutory minimum the catalog
 * declares. The reason is the hold's reference or the catalog's statutory reason, fit to tell whoever asked.
 */
public record Blocker(RecordId record, String site, String activity, Kind kind, String reason, Instant until) {

    public enum Kind {
        LEGAL_HOLD,
        STATUTORY_MINIMUM
    }
}
