package dev.steward.staff;

import dev.steward.audit.AuditTrail;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail in the console; {@link AuditTrailApiController} serves the same entries as JSON. */
@Controller
@Requires(Permission.READ_AUDIT_TRAIL)
class AuditTrailController {

    private final AuditTrail audit;
    private final CurrentCaller caller;

    AuditTrailController(AuditTrail audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    static final int PAGE = 200;

    @GetMapping("/admin/audit")
    String page(
            @RequestParam(required = false) @Nullable UUID subject,
            @RequestParam(required = false) @Nullable Long before,
            Model model) {
        AuditTrail.Page page = audit.read(
                subject, AuditPages.before(before), PAGE, caller.get().sites());
        model.addAttribute("subject", subject);
        model.addAttribute("entries", page.entries());
        model.addAttribute("older", page.older());
        return "admin/audit";
    }
}
