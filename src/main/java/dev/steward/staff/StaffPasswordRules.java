package dev.steward.staff;

import dev.steward.platform.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a staff password must be, whether an administrator sets it or the member changes their own. */
final class StaffPasswordRules {

    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads no further than 72 bytes; a longer password would be cut without anyone noticing. */
    static final int MAX_PASSWORD_BYTES = 72;

    private StaffPasswordRules() {}

    static void check(@Nullable String password, String username, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "required", "Give a password."));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError(
                    "password", "too-short", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters."));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(new FieldError(
                    "password",
                    "too-long",
                    "A password may be at most " + MAX_PASSWORD_BYTES + " bytes long (72 plain letters or digits)."));
        } else if (password.strip().equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "same-as-username", "The password must not be the user name."));
        }
    }
}
