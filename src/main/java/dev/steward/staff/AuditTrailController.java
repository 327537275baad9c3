package dev.steward.staff;

import dev.steward.audit.AuditRecord;
import dev.steward.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Staff read the audit trail, as JSON or in the console; nobody can change it. A member limited to sites sees the
 * entries of those sites only, and no entry of no particular site (a read of a whole subject): it may concern
 * any site.
 */
@Controller
@Requires(Permission.READ_AUDIT_TRAIL)
class AuditTrailController {

    private static final int PAGE = 200;

    private final AuditTrail audit;
    private final CurrentCaller caller;

    AuditTrailController(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    record Entries(List<AuditRecord> entries) {}

    @Operation(
            summary = "Read the audit trail",
            description =
                    "Every staff read or change of personal data on the caller's sites, newest first; filter by `subject`.")
    @GetMapping("/api/v1/admin/audit")
    @ResponseBody
    Entries entries(@RequestParam(required = false) @Nullable UUID subject) {
        return new Entries(visible(subject));
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) @Nullable UUID subject, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("entries", visible(subject));
        return "admin/audit";
    }

    private List<AuditRecord> visible(@Nullable UUID subject) {
        Caller staff = caller.get();
        return subject == null ? audit.recent(PAGE, staff.sites()) : audit.forSubject(subject, staff.sites());
    }
}
