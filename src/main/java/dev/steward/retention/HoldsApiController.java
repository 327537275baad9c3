package dev.steward.retention;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

/** Legal holds over the staff API: administrators and privacy officers place and release them; auditors read. */
@RestController
@Requires(Permission.READ_HOLDS)
class HoldsApiController {

    private final LegalHolds holds;
    private final CurrentCaller caller;
    private final Clock clock;

    HoldsApiController(LegalHolds holds, CurrentCaller caller, Clock clock) {
        this.holds = holds;
        this.caller = caller;
        this.clock = clock;
    }

    record Release(@Nullable String reason) {}

    /** A hold as the API shows it; {@code until} is its last day, {@code endsAt} the instant it ends (UTC). */
    record Hold(
            UUID id,
            UUID subject,
            @Nullable UUID record,
            @Nullable String site,
            String reason,
            LocalDate until,
            Instant endsAt,
            boolean active,
            String placedBy,
            Instant placedAt,
            @Nullable String releasedBy,
            @Nullable Instant releasedAt,
            @Nullable String releaseReason) {}

    private Hold view(LegalHold hold) {
        return new Hold(
                hold.id(),
                hold.subject().value(),
                hold.record() == null ? null : hold.record().value(),
                hold.site(),
                hold.reason(),
                hold.heldUntil(),
                hold.endsAt(),
                hold.activeAt(clock.instant()),
                hold.placedBy(),
                hold.placedAt(),
                hold.releasedBy(),
                hold.releasedAt(),
                hold.releaseReason());
    }

    @Operation(
            summary = "Place a legal hold",
            description =
                    "Holds a subject (all their records, on every site), a record or a case until the given day, with a reason that names a case or court reference, never personal data.")
    @PostMapping("/api/v1/admin/holds")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.MANAGE_HOLDS)
    Hold place(@RequestBody HoldRequest request) {
        return view(holds.place(request, caller.get()));
    }

    /** Holds in force; {@code all=true} also those ended or released (the 500 most recent). */
    @Operation(
            summary = "List legal holds",
            description = "Legal holds in force on the caller's sites; `all=true` adds those released or expired.")
    @GetMapping("/api/v1/admin/holds")
    List<Hold> list(@RequestParam(defaultValue = "false") boolean all) {
        return holds.list(all, caller.get()).stream().map(this::view).toList();
    }

    @Operation(
            summary = "Read a legal hold",
            description = "One legal hold with what it holds, why and until when, and its release if any.")
    @GetMapping("/api/v1/admin/holds/{id}")
    Hold get(@PathVariable UUID id) {
        return view(holds.visible(id, caller.get()));
    }

    @Operation(
            summary = "Release a legal hold",
            description =
                    "Ends a hold before its last day, with a reason; the records it kept fall due again at their own times.")
    @PostMapping("/api/v1/admin/holds/{id}/release")
    @Requires(Permission.MANAGE_HOLDS)
    Hold release(@PathVariable UUID id, @RequestBody(required = false) @Nullable Release release) {
        return view(holds.release(id, release == null ? null : release.reason(), caller.get()));
    }
}
