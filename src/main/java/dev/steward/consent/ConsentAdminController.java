package dev.steward.consent;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.SubjectId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of the ledger: a subject's consent history (audited), and whom to ask again after a lapse. */
@RestController
@Requires(Permission.READ_CONSENTS)
class ConsentAdminController {

    private final ConsentLedger ledger;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    ConsentAdminController(ConsentLedger ledger, AuditTrail audit, CurrentCaller caller) {
        this.ledger = ledger;
        this.audit = audit;
        this.caller = caller;
    }

    record History(String subject, List<ConsentEvent> events) {}

    @GetMapping("/api/v1/admin/subjects/{subject}/consents")
    @Transactional
    History history(@PathVariable UUID subject, @RequestParam(required = false) @Nullable String reason) {
        Caller staff = caller.get();
        List<ConsentEvent> events = ledger.history(new SubjectId(subject)).stream()
                .filter(event -> staff.maySee(event.site()))
                .toList();
        audit.record(new AuditEntry(staff.name(), "read-consent-history", subject, null, List.of("consents"), reason));
        return new History(subject.toString(), events);
    }

    record Repermission(String site, @Nullable String purpose, List<ConsentEvent> lapsed) {}

    @GetMapping("/api/v1/admin/consents/repermission")
    Repermission repermission(@RequestParam String site, @RequestParam(required = false) @Nullable String purpose) {
        caller.requireSite(site);
        return new Repermission(site, purpose, ledger.repermissionList(site, purpose));
    }
}
