package dev.steward.mail;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/mailbox}: the outbox, newest first, for staff who answer people. Every read is audited. */
@RestController
@Requires(Permission.READ_MAILBOX)
class MailboxApiController {

    private final Mailbox mailbox;

    MailboxApiController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    record Listing(String delivery, List<Mailbox.Entry> messages) {}

    @Operation(
            summary = "Read the outbox",
            description =
                    "Messages sent or queued (the dev mailbox when no SMTP server is configured), decrypted for staff; the read is written to the audit trail. Links' secrets are withheld.")
    @GetMapping("/api/v1/admin/mailbox")
    Listing list(
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String site,
            @RequestParam(defaultValue = "" + Mailbox.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) @Nullable String reason) {
        return new Listing(mailbox.delivery(), mailbox.read(new Mailbox.Query(to, site, limit, reason)));
    }
}
