package dev.steward.rights;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff API of rights requests: the queue with deadlines, each action, restrictions and recipients' tasks. */
@RestController
@Requires(Permission.READ_REQUESTS)
class RequestsAdminController {

    private final RequestQueue queue;
    private final Clock clock;

    RequestsAdminController(RequestQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    record Entry(
            UUID id,
            String site,
            String jurisdiction,
            String type,
            String status,
            @Nullable String subject,
            Instant createdAt,
            @Nullable Instant receivedAt,
            @Nullable Instant dueAt,
            @Nullable Instant extendedTo,
            boolean overdue,
            @Nullable String assignee,
            boolean repeated,
            @Nullable String fee,
            @Nullable UUID duplicateOf,
            @Nullable String outcome) {

        static Entry of(RightsRequest request, Instant now) {
            return new Entry(
                    request.id(),
                    request.site(),
                    request.jurisdiction(),
                    request.typeKey(),
                    request.status().key(),
                    request.subject() == null ? null : request.subject().toString(),
                    request.createdAt(),
                    request.receivedAt(),
                    request.dueAt(),
                    request.extendedTo(),
                    request.overdue(now),
                    request.assignee(),
                    request.repeated(),
                    request.fee(),
                    request.duplicateOf(),
                    request.outcome());
        }
    }

    record Entries(List<Entry> requests) {}

    @Operation(
            summary = "List rights requests",
            description =
                    "The queue of rights requests on the caller's sites with their types, statuses and deadlines; no personal data. Filter with `status`.")
    @GetMapping("/api/v1/admin/requests")
    @Requires(Permission.LIST_REQUESTS)
    Entries list(@RequestParam(required = false) @Nullable String status) {
        RequestStatus wanted = status == null ? null : RequestStatus.named(status, "status");
        return new Entries(queue.list(wanted).stream()
                .map(r -> Entry.of(r, clock.instant()))
                .toList());
    }

    record Detail(
            Entry request,
            @Nullable RequestDetails details,
            List<RequestEvent> history,
            List<RecipientNotice> recipientNotices,
            List<PackageSummary> packages,
            // whether the caller may preview and give the answer: it covers every site of the controller
            boolean answerable) {}

    @Operation(
            summary = "Open a rights request",
            description =
                    "A request with its details, history and released packages (never their links). The read is written to the audit trail.")
    @GetMapping("/api/v1/admin/requests/{id}")
    Detail view(@PathVariable UUID id) {
        RequestQueue.Detail detail = queue.view(id);
        return new Detail(
                Entry.of(detail.request(), clock.instant()),
                detail.details(),
                detail.history(),
                detail.notices(),
                detail.packages(),
                detail.answerable());
    }

    record Assignment(@Nullable String assignee) {}

    @Operation(
            summary = "Assign a rights request",
            description = "Gives the request to a member of staff, or to nobody with an empty body.")
    @PostMapping("/api/v1/admin/requests/{id}/assign")
    @Requires(Permission.WORK_REQUESTS)
    Entry assign(@PathVariable UUID id, @RequestBody(required = false) @Nullable Assignment assignment) {
        return Entry.of(queue.assign(id, assignment == null ? null : assignment.assignee()), clock.instant());
    }

    record Extension(String extension, String reason) {}

    @Operation(
            summary = "Extend a request's deadline",
            description =
                    "Extends the deadline by the period the law allows (for example `P2M` under the GDPR), with a reason the requester is told.")
    @PostMapping("/api/v1/admin/requests/{id}/extend")
    @Requires(Permission.WORK_REQUESTS)
    Entry extend(@PathVariable UUID id, @RequestBody Extension extension) {
        return Entry.of(queue.extend(id, extension.extension(), extension.reason()), clock.instant());
    }

    record Fee(String fee) {}

    @Operation(
            summary = "Charge a fee for a request",
            description = "Records the fee the requester is asked to pay, where the law allows one.")
    @PostMapping("/api/v1/admin/requests/{id}/fee")
    @Requires(Permission.WORK_REQUESTS)
    Entry fee(@PathVariable UUID id, @RequestBody Fee fee) {
        return Entry.of(queue.fee(id, fee.fee()), clock.instant());
    }

    @Operation(
            summary = "Fulfil a rights request",
            description =
                    "Carries the request out (an access package, an erasure, a correction, a transfer) and tells the requester and the recipients concerned.")
    @PostMapping("/api/v1/admin/requests/{id}/fulfil")
    @Requires(Permission.WORK_REQUESTS)
    Entry fulfil(@PathVariable UUID id) {
        return Entry.of(queue.fulfil(id), clock.instant());
    }

    record Denial(String reason) {}

    @Operation(
            summary = "Deny a rights request",
            description = "Refuses the request with a reason the requester is told, with the remedies open to them.")
    @PostMapping("/api/v1/admin/requests/{id}/deny")
    @Requires(Permission.WORK_REQUESTS)
    Entry deny(@PathVariable UUID id, @RequestBody Denial denial) {
        return Entry.of(queue.deny(id, denial.reason()), clock.instant());
    }

    record Restrictions(List<Restriction> restrictions) {}

    @Operation(
            summary = "List restrictions in force",
            description =
                    "Restrictions of processing in force on the caller's sites, holding consent, mail and disclosures of the subjects concerned.")
    @GetMapping("/api/v1/admin/restrictions")
    Restrictions restrictions() {
        return new Restrictions(queue.restrictions());
    }

    @Operation(
            summary = "Lift a restriction",
            description = "Ends a restriction of processing; the requester was told before it is lifted.")
    @PostMapping("/api/v1/admin/restrictions/{id}/lift")
    @Requires(Permission.WORK_REQUESTS)
    Restriction lift(@PathVariable UUID id) {
        return queue.lift(id);
    }

    record Tasks(List<RecipientNotice> tasks) {}

    @Operation(
            summary = "List recipients to tell by hand",
            description =
                    "Recipients without a webhook that must be told of a correction, erasure or restriction (GDPR Art. 19).")
    @GetMapping("/api/v1/admin/recipient-tasks")
    Tasks tasks() {
        return new Tasks(queue.tasks());
    }

    record Message(String message) {}

    @Operation(
            summary = "Read a recipient's message",
            description = "The message to send to a recipient by hand. The read is written to the audit trail.")
    @GetMapping("/api/v1/admin/recipient-tasks/{id}/message")
    Message message(@PathVariable UUID id) {
        return new Message(queue.taskMessage(id));
    }

    @Operation(
            summary = "Confirm a recipient was told",
            description = "Records that the recipient was told; the notification is kept as evidence.")
    @PostMapping("/api/v1/admin/recipient-tasks/{id}/confirm")
    @Requires(Permission.WORK_REQUESTS)
    RecipientNotice confirm(@PathVariable UUID id) {
        return queue.confirmTask(id);
    }
}
