package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page and its front page. */
@Controller
class AdminConsoleController {

    private final Catalogs catalogs;

    AdminConsoleController(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    @GetMapping("/login")
    String login() {
        return "admin/login";
    }

    @GetMapping("/admin")
    String dashboard(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("staff", staff);
        model.addAttribute("sites", catalogs.sites());
        return "admin/dashboard";
    }
}
