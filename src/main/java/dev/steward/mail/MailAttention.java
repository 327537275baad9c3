package dev.steward.mail;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Attention;
import dev.steward.staff.AttentionItems;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/** Mails of the last {@link #RECENT} on the caller's sites that every delivery attempt failed to deliver. */
@Component
class MailAttention implements AttentionItems {

    static final Duration RECENT = Duration.ofDays(7);

    private final OutboxRepository outbox;
    private final Clock clock;

    private final ConsoleWords words;

    MailAttention(ConsoleWords words, OutboxRepository outbox, Clock clock) {
        this.words = words;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public List<Attention> attentionFor(Caller caller) {
        if (!caller.may(Permission.READ_MAILBOX)) {
            return List.of();
        }
        return List.of(new Attention(
                outbox.failedSince(caller.sites(), clock.instant().minus(RECENT)),
                words.get("console.attention.mailsFailed", RECENT.toDays()),
                "/admin/mailbox?status=failed"));
    }
}
