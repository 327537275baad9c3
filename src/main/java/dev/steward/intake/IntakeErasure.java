package dev.steward.intake;

import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Erasing a subject deletes their pending links in the same transaction: there is nothing left to confirm. */
@Component
class IntakeErasure {

    private final IntakeTokenRepository tokens;

    IntakeErasure(IntakeTokenRepository tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void erased(SubjectErased event) {
        tokens.deleteOfSubjects(java.util.List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        tokens.deleteOfSubjects(event.subjects());
    }
}
