package dev.steward.staff;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Where a page of the audit trail starts, the same for the console and the API. */
final class AuditPages {

    private AuditPages() {}

    /** An entry's number ({@code seq}, from 1): the page shows the entries before it. */
    static @Nullable Long before(@Nullable Long before) {
        if (before != null && before < 1) {
            throw new InvalidInputException(
                    FieldError.of("before", "out-of-range", "error.staff.audit.before.out-of-range"));
        }
        return before;
    }
}
