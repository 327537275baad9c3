package dev.steward.mail;

import dev.steward.catalog.Catalogs;
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
    private final Catalogs catalogs;

    MailboxPageController(Mailbox mailbox, Catalogs catalogs) {
        this.mailbox = mailbox;
        this.catalogs = catalogs;
    }

    /**
     * The catalog's names of a message's site and purpose, as the rest of the console shows them (in the site's
     * language), where the page showed their keys.
     */
    record Names(Catalogs catalogs) {

        public String site(String key) {
            return catalogs.site(key)
                    .map(site -> site.name().in(site.language()))
                    .orElse(key);
        }

        public String purpose(String site, String key) {
            return catalogs.site(site)
                    .flatMap(declared ->
                            catalogs.of(site).purpose(key).map(p -> p.name().in(declared.language())))
                    .orElse(key);
        }
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
        model.addAttribute("names", new Names(catalogs));
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
