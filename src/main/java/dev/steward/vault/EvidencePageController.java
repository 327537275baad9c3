package dev.steward.vault;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console page that verifies every evidence chain on demand. */
@Controller
@Requires(Permission.VERIFY_EVIDENCE)
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
