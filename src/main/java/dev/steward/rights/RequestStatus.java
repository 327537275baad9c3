package dev.steward.rights;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a rights request stands. */
public enum RequestStatus {
    /** Submitted; waits for the requester to prove the address is theirs. */
    AWAITING_VERIFICATION,
    /** Verified and in the staff queue; its deadline runs. */
    RECEIVED,
    COMPLETED,
    DENIED,
    /** Never verified; purged. */
    EXPIRED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RequestStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public boolean open() {
        return this == AWAITING_VERIFICATION || this == RECEIVED;
    }
}
