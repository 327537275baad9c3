package dev.steward.staff;

import dev.steward.audit.AuditRecord;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Staff read the audit trail; nobody can change it. A member limited to sites sees the entries of those sites only,
 * and no entry of no particular site (a read of a whole subject): it may concern any site. WHY apart from the console
 * page: the API's failures are answered as JSON by the handler of REST controllers, the page's as a page.
 */
@RestController
@Requires(Permission.READ_AUDIT_TRAIL)
class AuditTrailApiController {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail audit;
    private final CurrentCaller caller;

    AuditTrailApiController(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /** The entries and the address of the older ones, none at the trail's start. */
    record Entries(List<AuditRecord> entries, @Nullable String older) {}

    @Operation(
            summary = "Read the audit trail",
            description =
                    "Every staff read or change of personal data on the caller's sites, newest first; filter by `subject`. `limit` entries (1 to 1000, 200 by default); `older` is the address of the next page (entries before `before`, an entry's `seq`), null at the trail's start.")
    @GetMapping("/api/v1/admin/audit")
    Entries entries(
            @RequestParam(required = false) @Nullable UUID subject,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(
                    FieldError.of("limit", "out-of-range", "error.common.limit.out-of-range", MAX_LIMIT));
        }
        AuditTrail.Page page = audit.read(
                subject, AuditPages.before(before), limit, caller.get().sites());
        return new Entries(
                page.entries(),
                page.older() == null
                        ? null
                        : UriComponentsBuilder.fromPath("/api/v1/admin/audit")
                                .queryParamIfPresent("subject", Optional.ofNullable(subject))
                                .queryParam("before", page.older())
                                .queryParam("limit", limit)
                                .toUriString());
    }
}
