package dev.steward.rights;

import dev.steward.accounts.AccountSummary;
import dev.steward.catalog.Catalog;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.disclosures.Disclosure;
import dev.steward.mail.MailHistory;
import dev.steward.newsletter.NewsletterHistory;
import dev.steward.vault.RecordSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The shape of what {@link SubjectData} hands the subject: plain values and words a person (or their program) reads,
 * as the export's JSON, CSV and summary carry them. Each entry is made from the owning module's value here, so that
 * the export's format is decided in one place.
 */
record SubjectExport(
        String subject,
        String controller,
        Instant exportedAt,
        List<Identifier> identifiers,
        List<Record> records,
        List<Consent> consents,
        List<Recipient> recipients,
        List<Disclosed> disclosures,
        List<Request> requests,
        List<Restricted> restrictions,
        List<Statements.Statement> statements,
        List<AccountSummary> accounts,
        List<NewsletterHistory.Message> newsletters,
        List<Mail> mails) {

    /** An e-mail Steward wrote to the person (a reply, a notice of a change, a link to confirm), without its content. */
    record Mail(
            String site,
            String kind,
            @Nullable String purpose,
            String status,
            Instant queuedAt,
            @Nullable Instant sentAt) {

        static Mail of(MailHistory.WrittenMail mail) {
            return new Mail(
                    mail.site(),
                    mail.kind().name().toLowerCase(Locale.ROOT),
                    mail.purpose(),
                    mail.status().name().toLowerCase(Locale.ROOT),
                    mail.queuedAt(),
                    mail.sentAt());
        }
    }

    record Identifier(String kind, String value) {}

    record Record(
            String id,
            String site,
            String activity,
            String activityName,
            String collectedAt,
            String noticeVersion,
            String legalBasis,
            String jurisdiction,
            String state,
            @Nullable String dueAt,
            Map<String, String> fields) {

        /** The activity named as the catalog names it, the activity's key when the catalog no longer has it. */
        static Record of(RecordSummary record, Catalog catalog, Map<String, String> fields) {
            String name = catalog.activity(record.activity())
                    .map(a -> a.name().toString())
                    .orElse(record.activity());
            return new Record(
                    record.id().toString(),
                    record.site(),
                    record.activity(),
                    name,
                    record.collectedAt().toString(),
                    record.noticeVersion(),
                    record.legalBasis(),
                    record.jurisdiction(),
                    record.state().name().toLowerCase(),
                    record.dueAt() == null ? null : record.dueAt().toString(),
                    new LinkedHashMap<>(fields));
        }

        Record withFields(Map<String, String> others) {
            return new Record(
                    id,
                    site,
                    activity,
                    activityName,
                    collectedAt,
                    noticeVersion,
                    legalBasis,
                    jurisdiction,
                    state,
                    dueAt,
                    others);
        }
    }

    record Consent(
            String id,
            String site,
            String purpose,
            String action,
            String occurredAt,
            String noticeVersion,
            String method,
            String jurisdiction,
            boolean byParent,
            @Nullable String receipt,
            @Nullable String ipAddress,
            @Nullable String userAgent) {

        /**
         * An action with the connection kept as its evidence (seed 001 §3.4: the IP address and time of registration
         * and of confirmation, kept to prove it), decrypted for the person it concerns.
         */
        static Consent of(ConsentEvent event, @Nullable String receipt, Optional<ConsentLedger.Evidence> evidence) {
            return new Consent(
                    event.id().toString(),
                    event.site(),
                    event.purpose(),
                    event.action().key(),
                    event.occurredAt().toString(),
                    event.noticeVersion(),
                    event.method(),
                    event.jurisdiction(),
                    event.byParent(),
                    receipt,
                    evidence.map(ConsentLedger.Evidence::ipAddress).orElse(null),
                    evidence.map(ConsentLedger.Evidence::userAgent).orElse(null));
        }
    }

    record Recipient(
            String site,
            String recipient,
            String name,
            @Nullable String country,
            List<String> categories,
            String firstDisclosedAt,
            String lastDisclosedAt) {

        static Recipient of(DisclosedRecipient recipient) {
            return new Recipient(
                    recipient.site(),
                    recipient.recipient(),
                    recipient.name(),
                    recipient.country(),
                    recipient.categories(),
                    recipient.firstDisclosedAt().toString(),
                    recipient.lastDisclosedAt().toString());
        }
    }

    record Disclosed(String site, String recipient, String activity, List<String> categories, String disclosedAt) {

        static Disclosed of(Disclosure disclosure) {
            return new Disclosed(
                    disclosure.site(),
                    disclosure.recipient(),
                    disclosure.activity(),
                    disclosure.categories(),
                    disclosure.disclosedAt().toString());
        }
    }

    record Request(
            String id,
            String site,
            String type,
            String status,
            String createdAt,
            @Nullable String outcome,
            List<RequestEvent> history) {

        static Request of(RightsRequest request, List<RequestEvent> history) {
            return new Request(
                    request.id().toString(),
                    request.site(),
                    request.typeKey(),
                    request.status().key(),
                    request.createdAt().toString(),
                    request.outcome(),
                    history);
        }
    }

    record Restricted(
            String site,
            String ground,
            String since,
            @Nullable String liftedAt) {

        static Restricted of(Restriction restriction) {
            return new Restricted(
                    restriction.site(),
                    restriction.ground(),
                    restriction.since().toString(),
                    restriction.liftedAt() == null
                            ? null
                            : restriction.liftedAt().toString());
        }
    }
}
