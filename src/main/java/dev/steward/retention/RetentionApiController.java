package dev.steward.retention;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.SubjectId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff API of retention: the plan, sweeps, deletion certificates, ended purposes and what blocks erasure. */
@RestController
@Requires(Permission.READ_RETENTION)
class RetentionApiController {

    private final RetentionPlan plan;
    private final Sweeper sweeper;
    private final DeletionCertificates certificates;
    private final DueTimes dueTimes;
    private final Retention retention;
    private final AuditTrail audit;
    private final CurrentCaller caller;
    private final ErrorWords words;

    RetentionApiController(
            RetentionPlan plan,
            Sweeper sweeper,
            DeletionCertificates certificates,
            DueTimes dueTimes,
            Retention retention,
            AuditTrail audit,
            CurrentCaller caller,
            ErrorWords words) {
        this.words = words;
        this.plan = plan;
        this.sweeper = sweeper;
        this.certificates = certificates;
        this.dueTimes = dueTimes;
        this.retention = retention;
        this.audit = audit;
        this.caller = caller;
    }

    record SweepAnswer(SweepProgress progress, @Nullable DeletionCertificate certificate) {}

    record PurposeEnded(@Nullable String site, @Nullable String activity) {}

    record PurposeEndedAnswer(String site, String activity, int recordsClosed) {}

    record SubjectBlockers(String subject, List<BlockerView> blockers) {}

    record BlockerView(
            UUID record, String site, String activity, ErasureBlocker.Kind kind, String reason, Instant until) {

        static final String WHOLE_SUBJECT =
                "A legal hold on the whole person, placed by staff of every site: its reason is shown to them only.";

        static BlockerView of(ErasureBlocker blocker, Caller staff) {
            return new BlockerView(
                    blocker.record().value(),
                    blocker.site(),
                    blocker.activity(),
                    blocker.kind(),
                    staff.sites().isEmpty() || blocker.reasonForStaffOfSomeSites() ? blocker.reason() : WHOLE_SUBJECT,
                    blocker.until());
        }
    }

    @Operation(
            summary = "See the retention plan",
            description =
                    "Per site and activity on the caller's sites: the retention rule and how many records fall due when. Counts only.")
    @GetMapping("/api/v1/admin/retention/plan")
    RetentionPlan.Plan plan() {
        return plan.plan(caller.get()::maySee);
    }

    /** Runs a sweep now and answers when it is done. */
    @Operation(
            summary = "Run a retention sweep now",
            description =
                    "Erases every record due at the sweep's start, as the scheduled sweep would, and answers with its deletion certificate. 409 while another sweep of this kind runs.")
    @PostMapping("/api/v1/admin/retention/sweeps")
    @Requires(Permission.RUN_SWEEP)
    SweepAnswer sweep() {
        Sweeper.Outcome outcome = sweeper.sweep("api", progress -> {});
        return new SweepAnswer(
                outcome.progress(),
                outcome.certificate()
                        .map(certificate -> certificate.onlySites(caller.get()::maySee))
                        .orElse(null));
    }

    @Operation(
            summary = "List deletion certificates",
            description =
                    "The latest deletion certificates (counts and catalog keys only), newest first; `limit` between 1 and 500.")
    @GetMapping("/api/v1/admin/retention/certificates")
    List<DeletionCertificate> certificates(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException(
                    FieldError.of("limit", "out-of-range", "error.retention.limit.out-of-range"));
        }
        return certificates.recent(limit, caller.get());
    }

    @Operation(
            summary = "Read a deletion certificate",
            description =
                    "One deletion certificate: records erased per activity and data category, those kept for a statutory minimum, what expired outside the vault, the due times covered.")
    @GetMapping("/api/v1/admin/retention/certificates/{id}")
    DeletionCertificate certificate(@PathVariable UUID id) {
        return certificates.get(id, caller.get());
    }

    /** Staff declare that the purpose of an {@code until-purpose-ends} activity has ended on a site. */
    @Operation(
            summary = "Declare a purpose ended",
            description =
                    "The purpose of an `until-purpose-ends` activity ended on a site: its records fall due now and the next sweep erases them.")
    @PostMapping("/api/v1/admin/retention/purpose-ended")
    @Requires(Permission.END_PURPOSE)
    PurposeEndedAnswer purposeEnded(@RequestBody PurposeEnded request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.site() == null || request.site().isBlank()) {
            errors.add(FieldError.of("site", "required", "error.retention.site.required"));
        }
        if (request.activity() == null || request.activity().isBlank()) {
            errors.add(FieldError.of("activity", "required", "error.retention.activity.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Caller staff = caller.requireSite(request.site());
        int closed = dueTimes.purposeEnded(request.site(), request.activity(), staff.name());
        return new PurposeEndedAnswer(request.site(), request.activity(), closed);
    }

    /** What keeps a subject's records from being erased now (legal holds, statutory minimums). Audited. */
    @Operation(
            summary = "See what keeps a subject's records",
            description =
                    "Legal holds and statutory minimums that keep a subject's records past their due time. The read is written to the audit trail, with the optional `reason`.")
    @GetMapping("/api/v1/admin/subjects/{subject}/retention-blockers")
    @Requires(Permission.READ_HOLDS)
    @Transactional
    SubjectBlockers blockers(@PathVariable UUID subject, @RequestParam(required = false) @Nullable String reason) {
        Caller staff = caller.get();
        List<BlockerView> blockers = retention.blockers(new SubjectId(subject)).stream()
                .filter(blocker -> staff.maySee(blocker.site()))
                .map(blocker -> BlockerView.of(blocker, staff))
                .toList();
        audit.record(new AuditEntry(staff.name(), "read-retention-blockers", subject, null, List.of(), reason));
        return new SubjectBlockers(subject.toString(), blockers);
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> alreadyRunning(Sweeper.AlreadyRunning e, HttpServletRequest request) {
        return words.answer(
                HttpStatus.CONFLICT,
                FieldError.of(null, "sweep-running", "error.retention.request.sweep-running"),
                request);
    }
}
