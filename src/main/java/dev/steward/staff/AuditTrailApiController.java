package dev.steward.staff;

import dev.steward.audit.AuditRecord;
import dev.steward.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff read the audit trail; nobody can change it. A member limited to sites sees the entries of those sites only,
 * and no entry of no particular site (a read of a whole subject): it may concern any site. WHY apart from the console
 * page: the API's failures are answered as JSON by the handler of REST controllers, the page's as a page.
 */
@RestController
@Requires(Permission.READ_AUDIT_TRAIL)
class AuditTrailApiController {

    private final AuditTrail audit;
    private final CurrentCaller caller;

    AuditTrailApiController(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    record Entries(List<AuditRecord> entries) {}

    @Operation(
            summary = "Read the audit trail",
            description =
                    "Every staff read or change of personal data on the caller's sites, newest first; filter by `subject`.")
    @GetMapping("/api/v1/admin/audit")
    Entries entries(@RequestParam(required = false) @Nullable UUID subject) {
        return new Entries(audit.read(subject, caller.get().sites()));
    }
}
