package dev.steward.retention;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's retention page: what will be deleted and when, the sweep (started here, it runs in the background
 * and the page shows its progress), purposes staff declare ended, and the deletion certificates.
 */
@Controller
class RetentionPageController {

    private static final Logger log = LoggerFactory.getLogger(RetentionPageController.class);

    private final RetentionPlan plan;
    private final Sweeper sweeper;
    private final DeletionCertificates certificates;
    private final DueTimes dueTimes;
    private final AuditTrail audit;
    private final CurrentCaller caller;
    private final TaskExecutor executor;
    private final ErrorWords errorWords;

    RetentionPageController(
            RetentionPlan plan,
            Sweeper sweeper,
            DeletionCertificates certificates,
            DueTimes dueTimes,
            AuditTrail audit,
            CurrentCaller caller,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.plan = plan;
        this.sweeper = sweeper;
        this.certificates = certificates;
        this.dueTimes = dueTimes;
        this.audit = audit;
        this.caller = caller;
        this.executor = executor;
    }

    @GetMapping("/admin/retention")
    @Requires(Permission.READ_RETENTION)
    String page(@RequestParam(name = "activity", required = false) @Nullable String closed, Model model) {
        Caller staff = caller.get();
        RetentionPlan.Plan shown = plan.plan(staff::maySee);
        model.addAttribute("plan", shown);
        // the activity whose purpose staff just ended, by its name; the redirect carries its keys
        int slash = closed == null ? -1 : closed.indexOf('/');
        if (closed != null && slash > 0 && staff.maySee(closed.substring(0, slash))) {
            plan.activityName(closed.substring(0, slash), closed.substring(slash + 1))
                    .ifPresent(name -> model.addAttribute("closedActivity", name));
        }
        model.addAttribute("sweep", sweeper.current().orElse(null));
        model.addAttribute("certificates", certificates.recent(10, staff));
        model.addAttribute("maySweep", staff.may(Permission.RUN_SWEEP));
        model.addAttribute("mayEndPurpose", staff.may(Permission.END_PURPOSE));
        return "admin/retention";
    }

    @PostMapping("/admin/retention/sweep")
    @Requires(Permission.RUN_SWEEP)
    String sweep() {
        if (sweeper.current().isPresent()) {
            return "redirect:/admin/retention?running";
        }
        audit.record(new AuditEntry(caller.get().name(), "start-retention-sweep", null, null, List.of(), null));
        executor.execute(() -> {
            try {
                sweeper.sweep("console", progress -> {});
            } catch (Sweeper.AlreadyRunning e) {
                log.info("A sweep started from the console found one already running on this node");
            }
        });
        return "redirect:/admin/retention?started";
    }

    @PostMapping("/admin/retention/purpose-ended")
    @Requires(Permission.END_PURPOSE)
    String purposeEnded(
            @RequestParam String site,
            @RequestParam String activity,
            @RequestParam(required = false) @Nullable String confirm,
            Model model,
            HttpServletResponse response) {
        Caller staff = caller.requireSite(site);
        try {
            if (confirm == null) {
                String named = plan.activityName(site, activity).orElse(activity);
                throw new InvalidInputException(
                        FieldError.of("confirm", "required", "error.retention.confirm.required", named));
            }
            int closed = dueTimes.purposeEnded(site, activity, staff.name());
            return "redirect:/admin/retention?closed=" + closed + "&activity=" + encode(site + "/" + activity);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("purposeErrors", errorWords.shown(e));
            model.addAttribute("purposeActivity", site + "/" + activity);
            return page(null, model);
        }
    }

    @GetMapping("/admin/retention/certificates/{id}")
    @Requires(Permission.READ_RETENTION)
    String certificate(@PathVariable UUID id, Model model) {
        model.addAttribute("certificate", certificates.get(id, caller.get()));
        return "admin/certificate";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
