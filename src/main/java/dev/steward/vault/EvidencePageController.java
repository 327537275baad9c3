package dev.steward.vault;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console page that verifies every evidence chain on demand. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PRIVACY_OFFICER', 'AUDITOR')")
class EvidencePageController {

    private final ChainCheckpoints checkpoints;

    EvidencePageController(ChainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @GetMapping("/admin/evidence")
    String page(Model model) {
        model.addAttribute("results", checkpoints.verifyAll());
        return "admin/evidence";
    }
}
