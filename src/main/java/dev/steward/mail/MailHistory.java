package dev.steward.mail;

import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Caller;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    /**
     * One message as its addressee reads of it in their copy of their data (GDPR Art. 15): why it was written, for which
     * purpose, and what became of it; its content is not kept once sent.
     */
    public record WrittenMail(
            String site,
            MailKind kind,
            @Nullable String purpose,
            MailStatus status,
            Instant queuedAt,
            @Nullable Instant sentAt) {}

    /** Every message to these subjects on these sites, oldest first: the person's own, for their access package. */
    public List<WrittenMail> toSubjects(Collection<SubjectId> subjects, Set<String> sites) {
        return subjects.stream()
                .flatMap(subject -> outbox.ofSubject(subject).stream())
                .filter(message -> sites.contains(message.site()))
                .map(message -> new WrittenMail(
                        message.site(),
                        message.kind(),
                        message.purpose(),
                        message.status(),
                        message.createdAt(),
                        message.sentAt()))
                .sorted(Comparator.comparing(WrittenMail::queuedAt))
                .toList();
    }

    private String kindInWords(MailKind kind) {
        return words.get("console.mailKind." + kind.name());
    }

    private String statusInWords(MailStatus status) {
        return words.get("console.mailStatus." + status.name());
    }
}
