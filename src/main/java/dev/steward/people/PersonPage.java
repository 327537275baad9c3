package dev.steward.people;

import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the person view shows of one data subject, in words, limited to the sites the reader may see. */
record PersonPage(
        SubjectId subject,
        List<IdentifierLine> identifiers,
        // a member of some sites: only the identifiers their sites were given are shown (SiteIdentifiers)
        boolean identifiersOfTheirSites,
        List<RecordLine> records,
        List<ConsentLine> consents,
        List<DisclosureLine> disclosures,
        List<RequestLine> requests,
        List<MailLine> mails,
        List<HoldLine> holds) {

    record IdentifierLine(
            String kind, String value, @Nullable Instant provenAt, boolean links) {}

    record RecordLine(
            String id,
            String site,
            String activity,
            String legalBasis,
            Instant collectedAt,
            String state,
            String retention,
            @Nullable Instant dueAt) {}

    record ConsentLine(String site, String purpose, String action, String method, Instant at, String receipt) {}

    record DisclosureLine(String site, String recipient, String activity, Instant at) {}

    record RequestLine(String id, String site, String right, String standing, Instant createdAt) {}

    record MailLine(
            String site,
            String kind,
            String purpose,
            String status,
            Instant queuedAt,
            @Nullable Instant sentAt) {}

    record HoldLine(String site, String activity, String kind, String reason, Instant until) {}
}
