package dev.steward.mail;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Caller;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The messages Steward wrote to a data subject, without their content (the mailbox shows that, audited): why each was
 * sent, and whether it went out. For the person view, on the sites a member of staff may see.
 */
@Service
public class MailHistory {

    private final OutboxRepository outbox;

    private final ConsoleWords words;

    MailHistory(ConsoleWords words, OutboxRepository outbox) {
        this.words = words;
        this.outbox = outbox;
    }

    /** One message as staff see it on a person's page. */
    public record SentMail(
            String site,
            String kind,
            @Nullable String purpose,
            String status,
            Instant queuedAt,
            @Nullable Instant sentAt) {}

    public List<SentMail> of(SubjectId subject, Caller staff) {
        return outbox.ofSubject(subject).stream()
                .filter(message -> staff.maySee(message.site()))
                .map(message -> new SentMail(
                        message.site(),
                        kindInWords(message.kind()),
                        message.purpose(),
                        statusInWords(message.status()),
                        message.createdAt(),
                        message.sentAt()))
                .toList();
    }

    private String kindInWords(MailKind kind) {
        return words.get("console.mailKind." + kind.name());
    }

    private String statusInWords(MailStatus status) {
        return words.get("console.mailStatus." + status.name());
    }
}
