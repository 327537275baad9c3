package dev.steward.consent;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.SubjectId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of the ledger: a subject's consent history (audited), and whom to ask again after a lapse. */
@RestController
@Requires(Permission.READ_CONSENTS)
class ConsentAdminController {

    private final ConsentLedger ledger;
    private final StaffConsents consents;
    private final CurrentCaller caller;

    ConsentAdminController(ConsentLedger ledger, StaffConsents consents, CurrentCaller caller) {
        this.ledger = ledger;
        this.consents = consents;
        this.caller = caller;
    }

    record History(String subject, List<StaffConsents.Entry> events) {}

    @Operation(
            summary = "Read a subject's consent history",
            description =
                    "Every consent event of a subject with its evidence. The read is written to the audit trail, with the optional `reason`.")
    @GetMapping("/api/v1/admin/subjects/{subject}/consents")
    History history(@PathVariable UUID subject, @RequestParam(required = false) @Nullable String reason) {
        return new History(subject.toString(), consents.history(new SubjectId(subject), caller.get(), reason));
    }

    record Repermission(String site, @Nullable String purpose, List<ConsentEvent> lapsed) {}

    @Operation(
            summary = "List consents to ask again",
            description = "Subjects of a site whose consent lapsed or expired, per purpose, to be asked again.")
    @GetMapping("/api/v1/admin/consents/repermission")
    Repermission repermission(@RequestParam String site, @RequestParam(required = false) @Nullable String purpose) {
        caller.requireSite(site);
        return new Repermission(site, purpose, ledger.repermissionList(site, purpose));
    }
}
