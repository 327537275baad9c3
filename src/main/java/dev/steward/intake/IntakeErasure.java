package dev.steward.intake;

import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/** Erasing a subject deletes their pending links in the same transaction: there is nothing left to confirm. */
@Component
class IntakeErasure implements SubjectRows {

    @Override
    public List<String> erasure() {
        return List.of(IntakeTokenRepository.DELETE_OF_SUBJECTS);
    }
}
