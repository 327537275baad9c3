package dev.steward.mail;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's mailbox page ({@code /admin/mailbox}); the same listing, and the same audit, as the API. */
@Controller
@Requires(Permission.READ_MAILBOX)
class MailboxPageController {

    private final Mailbox mailbox;

    MailboxPageController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping("/admin/mailbox")
    String page(
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(required = false) @Nullable String status,
            Model model) {
        Mailbox.Query query = new Mailbox.Query(
                to, site, Mailbox.DEFAULT_LIMIT, null, "failed".equals(status) ? MailStatus.FAILED : null);
        model.addAttribute("query", query);
        model.addAttribute("delivery", mailbox.delivery());
        model.addAttribute("messages", mailbox.readShown(query));
        return "admin/mailbox";
    }
}
