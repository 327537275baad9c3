package dev.steward.mail;

import dev.steward.catalog.SiteNames;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.MessageFrames;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's mailbox page ({@code /admin/mailbox}); the same listing, and the same audit, as the API; each
 * message's HTML from an address of its own, which the page frames.
 */
@Controller
@Requires(Permission.READ_MAILBOX)
class MailboxPageController {

    private final Mailbox mailbox;
    private final SiteNames siteNames;
    private final CurrentCaller caller;

    MailboxPageController(Mailbox mailbox, SiteNames siteNames, CurrentCaller caller) {
        this.mailbox = mailbox;
        this.siteNames = siteNames;
        this.caller = caller;
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
        model.addAttribute("messages", mailbox.read(query));
        // the filter offers the member's sites by name; it was a text field that wanted the site's key
        model.addAttribute("sites", siteNames.choices(caller.get()::maySee));
        return "admin/mailbox";
    }

    /**
     * A message's HTML, as the mailbox page frames it when opened: to whoever may read the page, on their sites only,
     * under the message's own policy ({@link MessageFrames}), its pictures put in.
     */
    @GetMapping("/admin/mailbox/{id}.html")
    ResponseEntity<String> html(@PathVariable UUID id, HttpServletResponse response) {
        return MessageFrames.answer(mailbox.shownHtml(id), response);
    }
}
