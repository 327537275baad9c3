package dev.steward.cookies;

import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Erasing a pseudonym's subject forgets its token in the same transaction: the browser then starts afresh. */
@Component
class CookieErasure implements SubjectRows {

    @Override
    public List<String> erasure() {
        return List.of(VisitorPseudonyms.DELETE_OF_SUBJECTS);
    }
}
