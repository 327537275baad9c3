package dev.steward.inquiries;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/inquiries}: the inbox for staff who answer inquiries. Listing shows no personal data; reading
 * a case decrypts the submission and is audited.
 */
@RestController
@Requires(Permission.READ_INQUIRIES)
class InquiriesApiController {

    private final Inquiries inquiries;
    private final CurrentCaller caller;

    InquiriesApiController(Inquiries inquiries, CurrentCaller caller) {
        this.inquiries = inquiries;
        this.caller = caller;
    }

    /** A case as listed: identifiers, where it stands, who works on it. */
    record Summary(
            UUID id,
            String site,
            String form,
            String activity,
            @Nullable String recipient,
            String status,
            @Nullable String assignee,
            String record,
            String subject,
            Instant receivedAt,
            @Nullable Instant answeredAt,
            @Nullable Instant closedAt) {

        static Summary of(InquiryCase inquiry) {
            return new Summary(
                    inquiry.id(),
                    inquiry.site(),
                    inquiry.form(),
                    inquiry.activity(),
                    inquiry.recipient(),
                    inquiry.status().key(),
                    inquiry.assignee(),
                    inquiry.record().toString(),
                    inquiry.subject().toString(),
                    inquiry.receivedAt(),
                    inquiry.answeredAt(),
                    inquiry.closedAt());
        }
    }

    record Listing(List<Summary> cases) {}

    record Details(Summary inquiry, List<CaseView.Field> fields, List<CaseView.Reply> replies) {}

    record NewReply(@Nullable String text) {}

    record Assignment(@Nullable String assignee) {}

    @Operation(
            summary = "List inquiries",
            description = "Cases from contact forms on the caller's sites, newest first; filter by site and status.")
    @GetMapping("/api/v1/admin/inquiries")
    Listing list(
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "" + Inquiries.Filter.DEFAULT_LIMIT) int limit) {
        return new Listing(inquiries.inbox(Inquiries.Filter.of(site, status, limit), caller.get()).stream()
                .map(Summary::of)
                .toList());
    }

    @Operation(
            summary = "Read an inquiry",
            description = "A case with the message decrypted and its replies. The read is written to the audit trail.")
    @GetMapping("/api/v1/admin/inquiries/{id}")
    Details read(@PathVariable UUID id) {
        CaseView view = inquiries.read(id, caller.get());
        return new Details(Summary.of(view.inquiry()), view.fields(), view.replies());
    }

    @Operation(
            summary = "Reply to an inquiry",
            description = "Sends a reply to the person by e-mail and keeps it with the case.")
    @PostMapping("/api/v1/admin/inquiries/{id}/replies")
    @Requires(Permission.ANSWER_INQUIRIES)
    @ResponseStatus(HttpStatus.CREATED)
    CaseView.Reply reply(@PathVariable UUID id, @RequestBody NewReply request) {
        return inquiries.reply(id, request.text(), caller.get());
    }

    @Operation(
            summary = "Assign an inquiry",
            description = "Gives the case to a member of staff, or to nobody with `null`.")
    @PostMapping("/api/v1/admin/inquiries/{id}/assignee")
    @Requires(Permission.ANSWER_INQUIRIES)
    Summary assign(@PathVariable UUID id, @RequestBody Assignment request) {
        return Summary.of(inquiries.assign(id, request.assignee(), caller.get()));
    }

    @Operation(summary = "Close an inquiry", description = "Closes the case; that starts its retention clock.")
    @PostMapping("/api/v1/admin/inquiries/{id}/close")
    @Requires(Permission.ANSWER_INQUIRIES)
    Summary close(@PathVariable UUID id) {
        return Summary.of(inquiries.close(id, caller.get()));
    }
}
