package dev.steward.mail;

import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject deletes their messages in the same transaction. The envelopes are unreadable anyway once the
 * key is gone; the rows would still tell that mail was sent to someone, and when.
 */
@Component
class OutboxErasure {

    private final OutboxRepository outbox;

    OutboxErasure(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void erased(SubjectErased event) {
        outbox.deleteOfSubjects(java.util.List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        outbox.deleteOfSubjects(event.subjects());
    }
}
