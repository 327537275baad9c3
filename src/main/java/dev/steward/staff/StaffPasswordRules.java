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
            errors.add(FieldError.of("password", "required", "error.staff.password.required"));
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            errors.add(FieldError.of("password", "too-short", "error.staff.password.too-short", MIN_PASSWORD_LENGTH));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(FieldError.of("password", "too-long", "error.staff.password.too-long", MAX_PASSWORD_BYTES));
        } else if (password.strip().equalsIgnoreCase(username)) {
            errors.add(FieldError.of("password", "same-as-username", "error.staff.password.same-as-username"));
        }
    }
}
