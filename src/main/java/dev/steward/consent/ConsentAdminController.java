package dev.steward.consent;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.StaffRole;
import dev.steward.vault.SubjectId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of the ledger: a subject's consent history (audited), and whom to ask again after a lapse. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
class ConsentAdminController {

    private final ConsentLedger ledger;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    ConsentAdminController(ConsentLedger ledger, AuditTrail audit, CurrentCaller caller) {
        this.ledger = ledger;
        this.audit = audit;
        this.caller = caller;
    }

    record History(String subject, List<Entry> events) {}

    /**
     * An event with the connection kept as its evidence (seed 001 §3.4: the IP address and time of registration and of
     * confirmation prove a subscription): decrypted for administrators and privacy officers, never for auditors, who
     * read evidence but not personal data.
     */
    record Entry(
            @JsonUnwrapped ConsentEvent event,
            @Nullable String ipAddress,
            @Nullable String userAgent) {}

    @GetMapping("/api/v1/admin/subjects/{subject}/consents")
    @Transactional
    History history(@PathVariable UUID subject, @RequestParam(required = false) @Nullable String reason) {
        Caller staff = caller.get();
        boolean personal = staff.hasRole(StaffRole.ADMIN) || staff.hasRole(StaffRole.PRIVACY_OFFICER);
        List<Entry> events = ledger.history(new SubjectId(subject)).stream()
                .filter(event -> staff.maySee(event.site()))
                .map(event -> entry(event, personal))
                .toList();
        audit.record(new AuditEntry(
                staff.name(),
                "read-consent-history",
                subject,
                null,
                personal ? List.of("consents", "consent-evidence") : List.of("consents"),
                reason));
        return new History(subject.toString(), events);
    }

    private Entry entry(ConsentEvent event, boolean personal) {
        Optional<ConsentLedger.Evidence> evidence = personal ? ledger.evidence(event) : Optional.empty();
        return new Entry(
                event,
                evidence.map(ConsentLedger.Evidence::ipAddress).orElse(null),
                evidence.map(ConsentLedger.Evidence::userAgent).orElse(null));
    }

    record Repermission(String site, @Nullable String purpose, List<ConsentEvent> lapsed) {}

    @GetMapping("/api/v1/admin/consents/repermission")
    Repermission repermission(@RequestParam String site, @RequestParam(required = false) @Nullable String purpose) {
        caller.requireSite(site);
        return new Repermission(site, purpose, ledger.repermissionList(site, purpose));
    }
}
