package dev.steward.rights;

import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Carries requests out. Withdrawal, objection, restriction and the list of recipients happen as soon as the requester
 * is verified; access, portability, rectification and erasure when staff fulfil them from the queue.
 */
@Component
class Fulfilment {

    private final RequestRepository requests;
    private final RequestRecords records;
    private final ConsentRights consentRights;
    private final Restrictions restrictions;
    private final RecipientNotices notices;
    private final AccessPackages packages;
    private final PortabilityTransfers transfers;
    private final Rectifications rectifications;
    private final Erasures erasures;
    private final Requesters requesters;
    private final RightsMail mail;
    private final RequestWords words;
    private final Clock clock;

    Fulfilment(
            RequestRepository requests,
            RequestRecords records,
            ConsentRights consentRights,
            Restrictions restrictions,
            RecipientNotices notices,
            AccessPackages packages,
            PortabilityTransfers transfers,
            Rectifications rectifications,
            Erasures erasures,
            Requesters requesters,
            RightsMail mail,
            RequestWords words,
            Clock clock) {
        this.words = words;
        this.requests = requests;
        this.records = records;
        this.consentRights = consentRights;
        this.restrictions = restrictions;
        this.notices = notices;
        this.packages = packages;
        this.transfers = transfers;
        this.rectifications = rectifications;
        this.erasures = erasures;
        this.requesters = requesters;
        this.mail = mail;
        this.clock = clock;
    }

    RightsRequest onReceived(RightsRequest request) {
        RequestDetails details = records.requireDetails(request);
        return switch (request.type()) {
            case WITHDRAW_CONSENT -> complete(request, details, "requester", consentRights.withdraw(request, details));
            case OBJECTION -> complete(request, details, "requester", consentRights.object(request, details));
            case NOTIFICATION -> complete(request, details, "requester", recipients(request));
            case RESTRICTION -> complete(request, details, "requester", restrict(request, details));
            default -> request;
        };
    }

    RightsRequest fulfil(RightsRequest request, String staff) {
        if (request.status() != RequestStatus.RECEIVED) {
            throw new InvalidInputException(FieldError.of("status", "not-open", "error.rights.status.not-open"));
        }
        RequestDetails details = records.requireDetails(request);
        return switch (request.type()) {
            case ACCESS, DISCLOSURE ->
                withPackage(request, details, staff, "rights.outcome.access.ready", packages.access(request), "");
            case PORTABILITY -> portability(request, details, staff);
            case RECTIFICATION, AMENDMENT ->
                complete(request, details, staff, rectifications.rectify(request, details, staff));
            case ERASURE, DELETION -> erase(request, details, staff);
            default -> onReceived(request);
        };
    }

    RightsRequest deny(RightsRequest request, String staff, String reason) {
        if (!request.status().open()) {
            throw new InvalidInputException(FieldError.of("status", "not-open", "error.rights.status.not-open.2"));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldError.of("reason", "required", "error.rights.reason.required.2"));
        }
        requests.close(request.id(), RequestStatus.DENIED, clock.instant(), "denied");
        RightsRequest denied = requests.find(request.id()).orElseThrow();
        records.log(denied, "denied", staff, reason);
        records.details(denied).ifPresent(details -> mail.denied(denied, details.email(), reason));
        return denied;
    }

    List<RecipientNotice> recipientsTold(RightsRequest request) {
        return notices.ofRequest(request.id());
    }

    private RightsRequest complete(RightsRequest request, RequestDetails details, String actor, String outcome) {
        RightsRequest completed = close(request, actor, outcome);
        mail.completed(completed, details.email(), outcome);
        return completed;
    }

    private RightsRequest close(RightsRequest request, String actor, String outcome) {
        requests.close(request.id(), RequestStatus.COMPLETED, clock.instant(), "completed");
        RightsRequest completed = requests.find(request.id()).orElseThrow();
        records.log(completed, "completed", actor, outcome);
        return completed;
    }

    /**
     * An answer that is a package: the link and its code go to the requester's verified address only; the history,
     * which staff read too, tells that they were sent and until when they work.
     */
    private RightsRequest withPackage(
            RightsRequest request,
            RequestDetails details,
            String actor,
            String ready,
            AccessPackages.Released released,
            String transfer) {
        String until = words.day(request, released.expiresAt());
        String readyWords = words.words(request, ready);
        RightsRequest completed = close(
                request, actor, words.words(request, "rights.outcome.package.sent", readyWords, until) + transfer);
        mail.packageReady(
                completed,
                details.email(),
                words.words(
                                request,
                                "rights.outcome.package.mail",
                                readyWords,
                                released.code(),
                                until,
                                mail.packageLink(completed, released.token()))
                        + transfer,
                released);
        return completed;
    }

    /** The subject may be gone by the end, so the answer is sealed to outlive their key and logged without it. */
    private RightsRequest erase(RightsRequest request, RequestDetails details, String staff) {
        Erasures.Outcome outcome = erasures.erase(request, details);
        requests.close(
                request.id(),
                RequestStatus.COMPLETED,
                clock.instant(),
                outcome.subjectErased() ? "erased" : "partly erased");
        RightsRequest completed = requests.find(request.id()).orElseThrow();
        if (outcome.subjectErased()) {
            records.log(completed, "completed", staff, null);
            mail.completedAfterErasure(completed, request.subject(), details.email(), outcome.text());
        } else {
            records.log(completed, "completed", staff, outcome.text());
            mail.completed(completed, details.email(), outcome.text());
        }
        return completed;
    }

    private String restrict(RightsRequest request, RequestDetails details) {
        String grounds = String.join(", ", details.grounds());
        requesters
                .reach(request)
                .forEach(subject -> restrictions.place(subject, request.site(), grounds, request.id()));
        int told = notices.tell(request, RecipientNotice.Change.RESTRICTED, details.email(), Map.of());
        return words.words(request, "rights.outcome.restricted")
                + (told == 0 ? "" : " " + words.words(request, "rights.outcome.restricted.told", told));
    }

    private String recipients(RightsRequest request) {
        List<DisclosedRecipient> recipients = requesters.recipients(request);
        if (recipients.isEmpty()) {
            return words.words(request, "rights.outcome.recipients.none");
        }
        StringBuilder text = new StringBuilder(words.words(request, "rights.outcome.recipients"));
        recipients.forEach(r -> text.append("\n- ")
                .append(words.words(
                        request,
                        "rights.outcome.recipients.item",
                        r.country() == null
                                ? words.recipient(request, r.recipient())
                                : words.recipient(request, r.recipient()) + " (" + words.country(request, r.country())
                                        + ")",
                        String.join(
                                ", ",
                                r.categories().stream()
                                        .map(c -> words.category(request, c))
                                        .toList()),
                        words.day(request, r.lastDisclosedAt()))));
        return text.append(words.fallback(request)).toString();
    }

    private RightsRequest portability(RightsRequest request, RequestDetails details, String staff) {
        byte[] document = packages.portable(request);
        AccessPackages.Released released = packages.portability(request, document);
        String transfer =
                details.transferTo() == null ? "" : "\n" + transfers.queue(request, details.transferTo(), document);
        return withPackage(request, details, staff, "rights.outcome.portability.ready", released, transfer);
    }
}
