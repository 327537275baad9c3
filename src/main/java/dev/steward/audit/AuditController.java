package dev.steward.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Staff read the audit trail, as JSON or in the console. Nobody can change it. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
class AuditController {

    private static final int PAGE = 200;

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    record Entries(List<AuditRecord> entries) {}

    @GetMapping("/api/v1/admin/audit")
    @ResponseBody
    Entries entries(@RequestParam(required = false) @Nullable UUID subject) {
        return new Entries(subject == null ? audit.recent(PAGE) : audit.forSubject(subject));
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) @Nullable UUID subject, Model model) {
        model.addAttribute("subject", subject);
        model.addAttribute("entries", subject == null ? audit.recent(PAGE) : audit.forSubject(subject));
        return "admin/audit";
    }
}
