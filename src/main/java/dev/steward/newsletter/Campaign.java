package dev.steward.newsletter;

import dev.steward.mail.MailKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A campaign: staff's message for one list of a site (marketing) or for everyone an operational purpose concerns.
 * The subject line and the Markdown body are the company's words, not personal data; {@code links} are the body's
 * web links in order, the only places a click may be redirected to.
 */
record Campaign(
        UUID id,
        String site,
        MailKind kind,
        String purpose,
        String subjectLine,
        String body,
        List<String> links,
        CampaignStatus status,
        @Nullable Instant scheduledAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        int recipients,
        int complaints,
        int unsubscribed) {

    boolean marketing() {
        return kind == MailKind.MARKETING;
    }
}
