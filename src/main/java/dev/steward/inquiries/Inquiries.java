package dev.steward.inquiries;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.intake.FormSubmitted;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import dev.steward.staff.StaffDirectory;
import dev.steward.staff.StaffMember;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inquiries inbox: a case for every submission of correspondence, read by staff through the vault (each read
 * audited), answered by e-mail, closed when the questions are finally clarified. Closing starts the retention clock
 * of the submission. A caller scoped to other sites is told a case does not exist, as if its id were wrong.
 */
@Service
class Inquiries {

    /** Who reads and answers inquiries; auditors see evidence, never a submission. */
    static final int MAX_REPLY_LENGTH = 20_000;

    private final InquiryRepository repository;
    private final Submissions submissions;
    private final Vault vault;
    private final Mailer mailer;
    private final Replies replies;
    private final StaffDirectory staff;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inquiries(
            InquiryRepository repository,
            Submissions submissions,
            Vault vault,
            Mailer mailer,
            Replies replies,
            StaffDirectory staff,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.submissions = submissions;
        this.vault = vault;
        this.mailer = mailer;
        this.replies = replies;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a case for a submission of correspondence; answers whether it did. Other submissions, a record erased
     * meanwhile, and a submission handled before (an event delivered again) open none.
     */
    @Transactional
    boolean open(FormSubmitted submission) {
        if (!submissions.isCorrespondence(submission.site(), submission.activity())
                || vault.record(submission.record()).isEmpty()) {
            return false;
        }
        return repository.insert(new InquiryCase(
                UUID.randomUUID(),
                submission.record(),
                submission.subject(),
                submission.site(),
                submission.form(),
                submission.activity(),
                submission.recipient(),
                CaseStatus.OPEN,
                null,
                submission.submittedAt(),
                null,
                null));
    }

    /** Which cases to list: of one site and one status, if given. */
    record Filter(@Nullable String site, @Nullable CaseStatus status, int limit) {

        static final int DEFAULT_LIMIT = 100;
        static final int MAX_LIMIT = 500;

        static Filter of(@Nullable String site, @Nullable String status, int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException(
                        FieldError.of("limit", "out-of-range", "error.common.limit.out-of-range", MAX_LIMIT));
            }
            CaseStatus parsed = null;
            if (status != null && !status.isBlank()) {
                parsed = CaseStatus.ofKey(status.strip().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new InvalidInputException(
                                FieldError.of("status", "invalid", "error.inquiries.status.invalid")));
            }
            return new Filter(site == null || site.isBlank() ? null : site.strip(), parsed, limit);
        }
    }

    /** The newest cases on the sites the caller may see; asking for another site is answered as not found. */
    List<InquiryCase> inbox(Filter filter, Caller caller) {
        if (filter.site() != null && (!submissions.isSite(filter.site()) || !caller.maySee(filter.site()))) {
            throw new NotFoundException("Nothing here for site '" + filter.site() + "'.");
        }
        return repository.newest(caller.sites(), filter.site(), filter.status(), filter.limit());
    }

    /** How many cases each site has in each status. */
    Map<String, Map<CaseStatus, Long>> counts() {
        return repository.counts();
    }

    /** The case, decrypted for the caller; the read is written to the audit trail with the case as its reason. */
    @Transactional
    CaseView read(UUID id, Caller caller) {
        InquiryCase inquiry = visible(id, caller);
        Map<String, String> values = vault.fields(
                inquiry.record(),
                Access.staff(caller.name(), "read-case", inquiry.id().toString()));
        return new CaseView(
                inquiry,
                submissions.siteName(inquiry.site()),
                submissions.formTitle(inquiry),
                inquiry.recipient() == null ? null : submissions.recipientName(inquiry.site(), inquiry.recipient()),
                submissions.shown(inquiry, values),
                replies.of(inquiry));
    }

    /**
     * Sends the reply by e-mail to the address the person gave, keeps it with the case (sealed), and marks the
     * case answered. Writing to the person is a staff change of their data, and audited as one.
     */
    @Transactional
    CaseView.Reply reply(UUID id, @Nullable String text, Caller caller) {
        InquiryCase inquiry = notClosed(id, caller);
        String body = checkedReply(text);
        String siteName = submissions.siteName(inquiry.site());
        UUID mail = mailer.queue(OutgoingMail.service(
                        inquiry.site(),
                        inquiry.subject(),
                        addressOf(inquiry),
                        "Your inquiry to " + siteName,
                        body + "\n\n-- \n" + siteName)
                .withCategory(OutgoingMail.PERSONAL_REPLY));
        Instant now = now();
        CaseView.Reply reply = replies.keep(inquiry, caller.name(), now, mail, body);
        if (!repository.answered(inquiry.id(), now)) {
            throw closed();
        }
        audit.record(new AuditEntry(
                caller.name(),
                "reply-case",
                inquiry.subject().value(),
                inquiry.site(),
                List.of("reply"),
                inquiry.id().toString()));
        return reply;
    }

    /** Gives the case to a member of staff who may answer it, or to nobody. */
    @Transactional
    InquiryCase assign(UUID id, @Nullable String assignee, Caller caller) {
        InquiryCase inquiry = notClosed(id, caller);
        String username = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (username != null
                && staff.find(username)
                        .filter(member -> mayAnswer(member, inquiry.site()))
                        .isEmpty()) {
            throw new InvalidInputException(FieldError.of(
                    "assignee", "cannot-answer", "error.inquiries.assignee.cannot-answer", inquiry.site()));
        }
        if (!repository.assign(inquiry.id(), username)) {
            throw closed();
        }
        return repository.find(inquiry.id()).orElseThrow();
    }

    /**
     * Closes the case: the correspondence is terminated. {@link CaseClosed}, published in this transaction, starts
     * the retention clock of the submission; the retention module applies it.
     */
    @Transactional
    InquiryCase close(UUID id, Caller caller) {
        InquiryCase inquiry = notClosed(id, caller);
        Instant now = now();
        if (!repository.close(inquiry.id(), now)) {
            throw closed();
        }
        events.publishEvent(
                new CaseClosed(inquiry.record(), inquiry.subject(), inquiry.site(), inquiry.activity(), now));
        audit.record(new AuditEntry(
                caller.name(),
                "close-case",
                inquiry.subject().value(),
                inquiry.site(),
                List.of(),
                inquiry.id().toString()));
        return repository.find(inquiry.id()).orElseThrow();
    }

    /** Those who may be given the case. */
    List<StaffMember> assignable(InquiryCase inquiry) {
        return staff.all().stream()
                .filter(member -> mayAnswer(member, inquiry.site()))
                .toList();
    }

    /** Whether the member may be given cases of the site. */
    static boolean mayAnswer(StaffMember member, String site) {
        return !member.disabled() && member.maySee(site) && member.may(Permission.ANSWER_INQUIRIES);
    }

    /** The case, if the caller may see its site; otherwise the same answer as for an id that does not exist. */
    private InquiryCase visible(UUID id, Caller caller) {
        return repository
                .find(id)
                .filter(inquiry -> caller.maySee(inquiry.site()))
                .orElseThrow(() -> new NotFoundException("There is no case " + id + "."));
    }

    private InquiryCase notClosed(UUID id, Caller caller) {
        InquiryCase inquiry = visible(id, caller);
        if (inquiry.isClosed()) {
            throw closed();
        }
        return inquiry;
    }

    /** Where to answer: the e-mail address in the submission, else the person's e-mail identifier. */
    private String addressOf(InquiryCase inquiry) {
        Map<String, String> values = vault.fields(inquiry.record(), Access.system("inquiry-reply"));
        return submissions
                .emailAddress(inquiry, values)
                .or(() -> identifiedAddress(inquiry.subject()))
                .orElseThrow(() -> new InvalidInputException(
                        FieldError.of(null, "no-address", "error.inquiries.request.no-address")));
    }

    private Optional<String> identifiedAddress(SubjectId subject) {
        return vault.identifiers(subject, Access.system("inquiry-reply")).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .map(Identifier::value)
                .findFirst();
    }

    private static String checkedReply(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(FieldError.of("text", "required", "error.inquiries.text.required"));
        }
        if (text.length() > MAX_REPLY_LENGTH) {
            throw new InvalidInputException(
                    FieldError.of("text", "too-long", "error.inquiries.text.too-long", MAX_REPLY_LENGTH));
        }
        return text.strip();
    }

    private static InvalidInputException closed() {
        return new InvalidInputException(FieldError.of(null, "case-closed", "error.inquiries.request.case-closed"));
    }

    /** Times travel in events and the audit trail, so they carry the database's precision from the start. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
