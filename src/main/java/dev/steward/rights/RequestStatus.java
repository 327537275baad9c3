package dev.steward.rights;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.Arrays;
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

    /**
     * The status a caller named (its key, or its name in any case, as {@link #of} reads it), or 422 on {@code field}
     * naming the statuses there are.
     */
    static RequestStatus named(String key, String field) {
        String wanted = key.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(status -> status.key().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(FieldError.of(
                        field,
                        "invalid-option",
                        "error.rights.status.invalid-option",
                        Arrays.stream(values()).map(RequestStatus::key).toList())));
    }

    public boolean open() {
        return this == AWAITING_VERIFICATION || this == RECEIVED;
    }
}
