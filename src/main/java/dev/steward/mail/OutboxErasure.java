package dev.steward.mail;

import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject deletes their messages in the same transaction. The envelopes are unreadable anyway once the
 * key is gone; the rows would still tell that mail was sent to someone, and when. A notice change's mail that had not
 * left is kept as lost (its id only), since it was to tell the address's other subjects too.
 */
@Component
class OutboxErasure implements SubjectRows {

    @Override
    public List<String> erasure() {
        return OutboxRepository.DELETE_OF_SUBJECTS;
    }
}
