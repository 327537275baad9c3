package dev.steward.inquiries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case as a member of staff reads it: the submission decrypted, field by field in the form's order with the
 * catalog's labels, and the replies sent so far.
 */
record CaseView(
        InquiryCase inquiry,
        String siteName,
        String formTitle,
        @Nullable String recipientName,
        List<Field> fields,
        List<Reply> replies) {

    /** A submitted value; for a choice, the option's label. */
    record Field(String key, String label, String value) {}

    /** A reply as sent, with where its e-mail is now ({@code queued}, {@code sent}, {@code held}…). */
    record Reply(UUID id, String author, Instant sentAt, String text, String delivery) {}
}
