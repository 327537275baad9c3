package dev.steward.mail;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.StewardProperties;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as staff see it: every message as it was or will be sent, newest first, on the sites the caller may
 * see, with the parts meant for the recipient alone withheld. Opening envelopes for display is a staff read of
 * personal data, written to the audit trail per subject.
 */
@Service
class Mailbox {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** How many of the newest messages an address filter opens at most, so one search cannot decrypt everything. */
    static final int MAX_SEARCHED = 10_000;

    private final OutboxRepository outbox;
    private final Envelopes envelopes;
    private final MailTransport transport;
    private final AuditTrail audit;
    private final CurrentCaller caller;
    private final ShownPictures pictures;
    private final List<TrackedLinks> trackedLinks;
    private final boolean production;

    Mailbox(
            OutboxRepository outbox,
            Envelopes envelopes,
            MailTransport transport,
            AuditTrail audit,
            CurrentCaller caller,
            ShownPictures pictures,
            List<TrackedLinks> trackedLinks,
            StewardProperties properties) {
        this.production = properties.publicUrl().startsWith("https:");
        this.trackedLinks = List.copyOf(trackedLinks);
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.transport = transport;
        this.audit = audit;
        this.caller = caller;
        this.pictures = pictures;
    }

    /** Which messages to show; {@code to} is matched against the opened envelopes, ignoring case. */
    record Query(
            @Nullable String to,
            @Nullable String site,
            int limit,
            @Nullable String reason,
            @Nullable MailStatus status) {

        Query(@Nullable String to, @Nullable String site, int limit, @Nullable String reason) {
            this(to, site, limit, reason, null);
        }

        Query {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException(
                        FieldError.of("limit", "out-of-range", "error.common.limit.out-of-range", MAX_LIMIT));
            }
            to = to == null || to.isBlank() ? null : to.strip();
            site = site == null || site.isBlank() ? null : site;
        }
    }

    /** A message with its content, where it is kept (a dropped message keeps none). */
    record Entry(
            UUID id,
            String messageId,
            String site,
            String subject,
            String kind,
            @Nullable String category,
            @Nullable String purpose,
            String status,
            @Nullable String transport,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant sentAt,
            @Nullable String to,
            @Nullable String subjectLine,
            @Nullable String text,
            @Nullable String html,
            @Nullable String from,
            @Nullable String replyTo,
            Map<String, String> headers) {

        static Entry of(OutboxMessage message, Optional<Envelope> envelope) {
            Envelope content = envelope.orElse(null);
            return new Entry(
                    message.id(),
                    message.messageId(),
                    message.site(),
                    message.subject().toString(),
                    message.kind().key(),
                    message.category(),
                    message.purpose(),
                    message.status().key(),
                    message.transport(),
                    message.attempts(),
                    message.lastError(),
                    message.createdAt(),
                    message.nextAttemptAt(),
                    message.sentAt(),
                    content == null ? null : content.to(),
                    content == null ? null : content.subjectLine(),
                    content == null ? null : content.text(),
                    content == null ? null : content.html(),
                    content == null || content.from() == null
                            ? null
                            : content.from().address(),
                    content == null ? null : content.replyTo(),
                    content == null ? Map.of() : content.headers());
        }

        boolean hasContent() {
            return to != null;
        }
    }

    /** Where messages currently go: {@code smtp}, or {@code dev-mailbox} when no SMTP server is configured. */
    String delivery() {
        return transport.name();
    }

    /** The caller's view; asking for a site they may not see is answered as if it did not exist. */
    @Transactional
    List<Entry> read(Query query) {
        Caller staff = query.site() == null ? caller.get() : caller.requireSite(query.site());
        List<Entry> entries = outbox.newest(staff.sites(), query.site(), messages -> select(messages, query));
        auditReads(entries, staff, query.reason());
        return entries;
    }

    /**
     * One message's HTML as the console's mailbox page frames it, its pictures put in ({@link ShownPictures}); the
     * read is audited as the page's are. A message of a site the caller may not see, one whose content is gone or one
     * without HTML is answered as if it did not exist.
     */
    @Transactional
    String shownHtml(UUID id) {
        Caller staff = caller.get();
        NotFoundException none = new NotFoundException("There is no HTML message " + id + ".");
        OutboxMessage message =
                outbox.find(id).filter(found -> staff.maySee(found.site())).orElseThrow(() -> none);
        Envelope envelope =
                envelopes.open(message).map(opened -> asShown(message, opened)).orElseThrow(() -> none);
        if (envelope.html() == null) {
            throw none;
        }
        Entry entry = Entry.of(message, Optional.of(envelope));
        auditReads(List.of(entry), staff, null);
        return pictures.shown(id, envelope.html(), envelope.pictures());
    }

    private List<Entry> select(Stream<OutboxMessage> messages, Query query) {
        record Opened(OutboxMessage message, Optional<Envelope> envelope) {}
        List<Entry> entries = new ArrayList<>();
        messages.filter(message -> query.status() == null || message.status() == query.status())
                .limit(MAX_SEARCHED)
                .map(message ->
                        new Opened(message, envelopes.open(message).map(envelope -> asShown(message, envelope))))
                .filter(opened -> query.to() == null
                        || opened.envelope()
                                .filter(envelope -> query.to().equalsIgnoreCase(envelope.to()))
                                .isPresent())
                .limit(query.limit())
                .map(opened -> Entry.of(opened.message(), opened.envelope()))
                .forEach(entries::add);
        return entries;
    }

    /**
     * A message that went, or goes, to a real mailbox shows its secrets withheld: a link's token or a code is for its
     * recipient alone. The dev mailbox stands in for the recipients' mailboxes, so it shows them as sent, but for the
     * links that record by being followed ({@link TrackedLinks}): following one there would record the recipient. Not in
     * production mode (an https public address), where the visitors are real people (attack22): a Steward started
     * there without SMTP showed every support agent each visitor's password-reset link, verification code and access
     * package, to act as them.
     */
    private Envelope asShown(OutboxMessage message, Envelope envelope) {
        String deliveredBy = message.transport() != null ? message.transport() : transport.name();
        Envelope shown = DevMailbox.NAME.equals(deliveredBy) && !production ? envelope : envelope.withheld();
        for (TrackedLinks links : trackedLinks) {
            shown = shown.untracked(links);
        }
        return shown;
    }

    private void auditReads(List<Entry> entries, Caller caller, @Nullable String reason) {
        Map<String, Entry> readPerSubjectAndSite = new LinkedHashMap<>();
        entries.stream()
                .filter(Entry::hasContent)
                .filter(entry -> !Mailer.STAFF.toString().equals(entry.subject()))
                .forEach(entry -> readPerSubjectAndSite.putIfAbsent(entry.subject() + " " + entry.site(), entry));
        for (Entry entry : readPerSubjectAndSite.values()) {
            audit.record(new AuditEntry(
                    caller.name(),
                    "read-mailbox",
                    SubjectId.parse(entry.subject()).value(),
                    entry.site(),
                    List.of("mail.to", "mail.subject", "mail.body"),
                    reason));
        }
    }
}
