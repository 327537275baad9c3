package dev.steward.rights;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.Span;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of rights requests: the queue with deadlines, and every action on a request, each written to the
 * audit trail. Staff see and act only on the sites they may; another site's request is "not found".
 */
@Service
public class RequestQueue {

    private final RequestRepository requests;
    private final RequestRecords records;
    private final Fulfilment fulfilment;
    private final Deadlines deadlines;
    private final Restrictions restrictions;
    private final RecipientNotices notices;
    private final AccessPackages packages;
    private final RightsMail mail;
    private final RequestWords words;
    private final Catalogs catalogs;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    RequestQueue(
            RequestRepository requests,
            RequestRecords records,
            Fulfilment fulfilment,
            Deadlines deadlines,
            Restrictions restrictions,
            RecipientNotices notices,
            AccessPackages packages,
            RightsMail mail,
            RequestWords words,
            Catalogs catalogs,
            CurrentCaller caller,
            AuditTrail audit,
            Clock clock) {
        this.requests = requests;
        this.records = records;
        this.fulfilment = fulfilment;
        this.deadlines = deadlines;
        this.restrictions = restrictions;
        this.notices = notices;
        this.packages = packages;
        this.mail = mail;
        this.words = words;
        this.catalogs = catalogs;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    public List<RightsRequest> list(@Nullable RequestStatus status) {
        return requests.queue(visibleSites(), status);
    }

    /**
     * A request with its details and history, for staff; reading it is audited. Its packages say when they were
     * released and how often downloaded, never their links.
     */
    public record Detail(
            RightsRequest request,
            @Nullable RequestDetails details,
            List<RequestEvent> history,
            List<RecipientNotice> notices,
            List<PackageSummary> packages,
            boolean overdue,
            boolean answerable) {}

    @Transactional
    public Detail view(UUID id) {
        RightsRequest request = visible(id);
        audited(request, "read-request", List.of("request"), null);
        return new Detail(
                request,
                records.details(request).orElse(null),
                records.history(request),
                notices.ofRequest(request.id()),
                packages.ofRequest(request),
                request.overdue(clock.instant()),
                answerable(request));
    }

    @Transactional
    public RightsRequest assign(UUID id, @Nullable String assignee) {
        RightsRequest request = visible(id);
        requests.assign(
                id, assignee == null || assignee.isBlank() ? caller.get().name() : assignee.strip());
        audited(request, "assign-request", List.of(), null);
        records.log(request, "assigned", caller.get().name(), null);
        return requests.find(id).orElseThrow();
    }

    /** Extends the deadline within what the law allows, telling the requester why within the first period. */
    @Transactional
    public RightsRequest extend(UUID id, String extension, String reason) {
        RightsRequest request = visible(id);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldError.of("reason", "required", "error.rights.reason.required"));
        }
        Span span;
        try {
            span = Span.parse(extension);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    FieldError.of("extension", "invalid-format", "error.rights.extension.invalid-format"));
        }
        Instant extended = deadlines.extended(request, span, clock.instant());
        requests.extend(id, extended);
        RightsRequest updated = requests.find(id).orElseThrow();
        audited(updated, "extend-request", List.of(), reason);
        records.log(updated, "extended", caller.get().name(), reason);
        mail.extended(updated, records.requireDetails(updated).email(), extended, reason);
        return updated;
    }

    @Transactional
    public RightsRequest fee(UUID id, String fee) {
        RightsRequest request = visible(id);
        if (!request.repeated() || !RequestVerification.isAccess(request.type())) {
            throw new InvalidInputException(FieldError.of("fee", "not-allowed", "error.rights.fee.not-allowed"));
        }
        if (fee == null || fee.isBlank() || fee.length() > 40) {
            throw new InvalidInputException(FieldError.of("fee", "required", "error.rights.fee.required"));
        }
        requests.fee(id, fee.strip());
        audited(request, "charge-fee", List.of(), fee);
        // the fee alone: the history names the event in the reader's words ("Fee charged", "Gebühr erhoben")
        records.log(request, "fee", caller.get().name(), fee.strip());
        mail.fee(request, records.requireDetails(request).email(), fee.strip());
        return requests.find(id).orElseThrow();
    }

    @Transactional
    public RightsRequest fulfil(UUID id) {
        RightsRequest request = requireAnswerable(visible(id));
        audited(request, "fulfil-request", List.of("request"), null);
        return fulfilment.fulfil(request, caller.get().name());
    }

    @Transactional
    public RightsRequest deny(UUID id, String reason) {
        RightsRequest request = visible(id);
        audited(request, "deny-request", List.of(), reason);
        return fulfilment.deny(request, caller.get().name(), reason);
    }

    public List<Restriction> restrictions() {
        return restrictions.active().stream()
                .filter(r -> caller.get().maySee(r.site()))
                .toList();
    }

    /** Lifts a restriction; the requester is told first, at the address of the request that placed it. */
    @Transactional
    public Restriction lift(UUID restriction) {
        Restriction found = restrictions.active().stream()
                .filter(r -> r.id().equals(restriction) && caller.get().maySee(r.site()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no restriction " + restriction + " in force."));
        RightsRequest request =
                found.request() == null ? null : requests.find(found.request()).orElse(null);
        String email = request == null
                ? null
                : records.details(request).map(RequestDetails::email).orElse(null);
        if (email == null) {
            throw new InvalidInputException(
                    FieldError.of("restriction", "no-address", "error.rights.restriction.no-address"));
        }
        audit.record(new AuditEntry(
                caller.get().name(), "lift-restriction", found.subject().value(), found.site(), List.of(), null));
        mail.liftingRestriction(request, email);
        Restriction lifted = restrictions.lift(found.id());
        records.log(
                request,
                "restriction-lifted",
                caller.get().name(),
                words.words(request, "rights.outcome.restriction-lifted"));
        notices.tell(request, RecipientNotice.Change.RESTRICTION_LIFTED, email, java.util.Map.of());
        return lifted;
    }

    public List<RecipientNotice> tasks() {
        return notices.tasks(visibleSites());
    }

    /** What to tell a recipient by hand: reading it shows personal data, so it is audited. */
    @Transactional
    public String taskMessage(UUID notice) {
        RecipientNotice task = visibleTask(notice);
        audit.record(new AuditEntry(
                caller.get().name(),
                "read-recipient-notice",
                idOf(task.subject()),
                task.site(),
                List.of("email"),
                task.request().toString()));
        return notices.message(notice)
                .orElseThrow(() -> new NotFoundException("The task's message is no longer held."));
    }

    @Transactional
    public RecipientNotice confirmTask(UUID notice) {
        RecipientNotice task = visibleTask(notice);
        audit.record(new AuditEntry(
                caller.get().name(),
                "confirm-recipient-notice",
                idOf(task.subject()),
                task.site(),
                List.of(),
                task.recipient()));
        return notices.confirm(task.id(), caller.get().name());
    }

    private RecipientNotice visibleTask(UUID notice) {
        return tasks().stream()
                .filter(task -> task.id().equals(notice))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no open task " + notice + "."));
    }

    private RightsRequest visible(UUID id) {
        Caller who = caller.get();
        return requests.find(id)
                .filter(request -> who.maySee(request.site()))
                .orElseThrow(() -> new NotFoundException("There is no request " + id + "."));
    }

    /**
     * Whether the caller may give the request's answer, which covers every site of its controller (SubjectData): a
     * member of only some of them would read, release or erase what other sites hold, which every other page keeps
     * from them (attack23 O1). Denying needs no more than the request's own site: it releases nothing.
     */
    private boolean answerable(RightsRequest request) {
        Caller who = caller.get();
        return SubjectData.sitesOf(catalogs.of(request.site())).stream().allMatch(who::maySee);
    }

    RightsRequest requireAnswerable(RightsRequest request) {
        if (!answerable(request)) {
            throw new InvalidInputException(FieldError.of(null, "scope", "error.rights.request.scope"));
        }
        return request;
    }

    private List<String> visibleSites() {
        Caller who = caller.get();
        return catalogs.sites().stream().map(Site::key).filter(who::maySee).toList();
    }

    private static @Nullable UUID idOf(@Nullable SubjectId subject) {
        return subject == null ? null : subject.value();
    }

    /** The request's id, and the staff member's own reason where they gave one. */
    private void audited(RightsRequest request, String action, List<String> fields, @Nullable String reason) {
        audit.record(
                reason == null
                        ? new AuditEntry(
                                caller.get().name(),
                                action,
                                idOf(request.subject()),
                                request.site(),
                                fields,
                                request.id().toString())
                        : AuditEntry.worded(
                                caller.get().name(),
                                action,
                                idOf(request.subject()),
                                request.site(),
                                fields,
                                "request-because",
                                request.id(),
                                reason));
    }
}
