package dev.steward.vault;

import org.jspecify.annotations.Nullable;

/**
 * Who reads or changes personal data, and why. Reads by staff are written to the audit trail; reads by Steward
 * itself (to send a mail the subject asked for) and by the subject are not staff access.
 */
public record Access(
        String actor,
        boolean staff,
        String action,
        @Nullable String reason) {

    public static Access staff(String username, String action, @Nullable String reason) {
        return new Access(username, true, action, reason);
    }

    public static Access system(String purpose) {
        return new Access("system", false, purpose, null);
    }

    public static Access subject(String purpose) {
        return new Access("subject", false, purpose, null);
    }
}
