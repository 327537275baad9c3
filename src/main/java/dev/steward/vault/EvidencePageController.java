package dev.steward.vault;

import dev.steward.platform.ChainProblem;
import dev.steward.platform.ConsoleWords;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's Evidence page: the latest verification of every evidence chain, who started it and when, and its
 * result per chain; "Verify now" starts one in the background, and while one runs the page shows how far it has come
 * and reloads itself every few seconds until it is done (no script: a {@code Refresh} header, as the campaign page).
 */
@Controller
@Requires(Permission.VERIFY_EVIDENCE)
class EvidencePageController {

    static final int REFRESH_SECONDS = 5;

    private final EvidenceVerifications verifications;
    private final CurrentCaller caller;
    private final ConsoleWords words;

    EvidencePageController(EvidenceVerifications verifications, CurrentCaller caller, ConsoleWords words) {
        this.verifications = verifications;
        this.caller = caller;
        this.words = words;
    }

    @GetMapping("/admin/evidence")
    String page(Model model, HttpServletResponse response) {
        List<EvidenceVerification> recent = verifications.recent(11);
        @Nullable EvidenceVerification latest = recent.isEmpty() ? null : recent.get(0);
        model.addAttribute("latest", latest);
        model.addAttribute("earlier", recent.isEmpty() ? List.of() : recent.subList(1, recent.size()));
        model.addAttribute("problems", latest == null ? Map.of() : problems(latest));
        if (latest != null && latest.running()) {
            response.setHeader("Refresh", REFRESH_SECONDS + "; url=/admin/evidence");
        }
        return "admin/evidence";
    }

    /** Each broken chain's problem in the staff member's language, a checkpoint's time written for them. */
    private Map<String, String> problems(EvidenceVerification verification) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (EvidenceVerification.Chain chain : verification.chains()) {
            ChainProblem cause = chain.cause();
            if (cause != null) {
                problems.put(chain.chain(), cause.in(LocaleContextHolder.getLocale(), words::dayTime));
            }
        }
        return problems;
    }

    @PostMapping("/admin/evidence/verifications")
    @Requires(value = Permission.VERIFY_EVIDENCE, readByPost = true)
    String start() {
        boolean already = verifications.start("console", caller.get().name()).alreadyRunning();
        return "redirect:/admin/evidence?" + (already ? "running" : "started");
    }
}
