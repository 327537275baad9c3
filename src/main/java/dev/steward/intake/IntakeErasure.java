package dev.steward.intake;

import dev.steward.vault.SubjectErased;
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
        tokens.deleteOfSubject(event.subject());
    }
}
