package dev.steward.rights;

import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.StewardProperties;
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
    private final StewardProperties properties;
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
            StewardProperties properties,
            Clock clock) {
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
        this.properties = properties;
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
            throw new InvalidInputException("status", "not-open", "Only a verified, open request can be fulfilled.");
        }
        RequestDetails details = records.requireDetails(request);
        return switch (request.type()) {
            case ACCESS, DISCLOSURE ->
                complete(
                        request,
                        details,
                        staff,
                        "Your copy of the data we hold about you is ready."
                                + " Download it once, within " + AccessPackages.VALID_FOR.toDays() + " days:\n"
                                + packageLink(request, packages.access(request)));
            case PORTABILITY -> complete(request, details, staff, portability(request, details));
            case RECTIFICATION, AMENDMENT ->
                complete(request, details, staff, rectifications.rectify(request, details, staff));
            case ERASURE, DELETION -> erase(request, details, staff);
            default -> onReceived(request);
        };
    }

    RightsRequest deny(RightsRequest request, String staff, String reason) {
        if (!request.status().open()) {
            throw new InvalidInputException("status", "not-open", "The request is closed already.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(
                    "reason", "required", "A refusal needs its reasons; they are sent to the requester.");
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
        requests.close(request.id(), RequestStatus.COMPLETED, clock.instant(), "completed");
        RightsRequest completed = requests.find(request.id()).orElseThrow();
        records.log(completed, "completed", actor, outcome);
        mail.completed(completed, details.email(), outcome);
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
        return "The processing of your data is restricted: from now on we only store it. We will notify you before the"
                + " restriction is lifted." + (told == 0 ? "" : " We told the " + told + " recipient(s) of your data.");
    }

    private String recipients(RightsRequest request) {
        List<DisclosedRecipient> recipients = requesters.recipients(request);
        if (recipients.isEmpty()) {
            return "Your data was not disclosed to anyone.";
        }
        StringBuilder text = new StringBuilder("Your data was disclosed to:");
        recipients.forEach(r -> text.append("\n- ")
                .append(r.name())
                .append(r.country() == null ? "" : " (" + r.country() + ")")
                .append(": ")
                .append(String.join(", ", r.categories()))
                .append(", last on ")
                .append(RightsMail.day(r.lastDisclosedAt())));
        return text.toString();
    }

    private String portability(RightsRequest request, RequestDetails details) {
        byte[] document = packages.portable(request);
        String link = packageLink(request, packages.portability(request, document));
        String transfer =
                details.transferTo() == null ? "" : "\n" + transfers.queue(request, details.transferTo(), document);
        return "Your data is ready in a structured, machine-readable format (JSON). Download it once, within "
                + AccessPackages.VALID_FOR.toDays() + " days:\n" + link + transfer;
    }

    private String packageLink(RightsRequest request, String token) {
        return properties.publicUrl() + "/s/" + request.site() + "/privacy-center/packages/" + token;
    }
}
