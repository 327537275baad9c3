package dev.steward.cookies;

import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Erasing a pseudonym's subject forgets its token in the same transaction: the browser then starts afresh. */
@Component
class CookieErasure {

    private final VisitorPseudonyms pseudonyms;

    CookieErasure(VisitorPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @EventListener
    void erased(SubjectErased event) {
        pseudonyms.forget(List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        pseudonyms.forget(event.subjects());
    }
}
