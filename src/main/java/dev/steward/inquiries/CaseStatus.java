package dev.steward.inquiries;

import java.util.Locale;
import java.util.Optional;

/** Where a case stands: waiting for an answer, answered (the person may still write back), or closed. */
enum CaseStatus {
    OPEN,
    ANSWERED,
    /** The correspondence is terminated: the questions have been finally clarified (seed 001 §3.3). */
    CLOSED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CaseStatus> ofKey(String key) {
        for (CaseStatus status : values()) {
            if (status.key().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
