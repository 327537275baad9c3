package dev.steward.retention;

import org.jspecify.annotations.Nullable;

/**
 * A request to place a legal hold, as typed: the subject or the record (a case) to hold, the reason (a case or court
 * reference, not personal data) and the last day of the hold ({@code 2027-06-30}). Kept as text so every mistake
 * is answered field by field.
 */
record HoldRequest(
        @Nullable String subject,
        @Nullable String record,
        @Nullable String reason,
        @Nullable String until) {}
