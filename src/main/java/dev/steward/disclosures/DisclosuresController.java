package dev.steward.disclosures;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.SubjectId;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff view of whom a subject's data was disclosed to, on the sites the caller may see. Each read is audited. */
@RestController
@Requires(Permission.READ_DISCLOSURES)
class DisclosuresController {

    private final Disclosures disclosures;
    private final AuditTrail audit;
    private final CurrentCaller caller;

    DisclosuresController(Disclosures disclosures, AuditTrail audit, CurrentCaller caller) {
        this.disclosures = disclosures;
        this.audit = audit;
        this.caller = caller;
    }

    record SubjectDisclosures(String subject, List<DisclosedRecipient> recipients, List<Entry> disclosures) {}

    record Entry(
            UUID id,
            long seq,
            String site,
            String recipient,
            String activity,
            List<String> categories,
            @Nullable String record,
            @Nullable String legalBasis,
            @Nullable String reason,
            Instant disclosedAt) {

        static Entry of(Disclosure disclosure) {
            return new Entry(
                    disclosure.id(),
                    disclosure.seq(),
                    disclosure.site(),
                    disclosure.recipient(),
                    disclosure.activity(),
                    disclosure.categories(),
                    disclosure.record() == null ? null : disclosure.record().toString(),
                    disclosure.legalBasis(),
                    disclosure.reason(),
                    disclosure.disclosedAt());
        }
    }

    @Operation(
            summary = "See a subject's disclosures",
            description =
                    "Whom a subject's data was disclosed to and each disclosure. The read is written to the audit trail, with the optional `reason`.")
    @GetMapping("/api/v1/admin/subjects/{subject}/disclosures")
    @Transactional
    SubjectDisclosures of(@PathVariable UUID subject, @RequestParam(required = false) @Nullable String reason) {
        Caller staff = caller.get();
        SubjectId id = new SubjectId(subject);
        List<DisclosedRecipient> recipients = disclosures.recipientsOf(id).stream()
                .filter(recipient -> staff.maySee(recipient.site()))
                .toList();
        List<Entry> entries = disclosures.of(id).stream()
                .filter(disclosure -> staff.maySee(disclosure.site()))
                .map(Entry::of)
                .toList();
        audit.record(new AuditEntry(staff.name(), "read-disclosures", subject, null, List.of("disclosures"), reason));
        return new SubjectDisclosures(subject.toString(), recipients, entries);
    }
}
