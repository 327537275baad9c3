package dev.steward.retention;

import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject, or a record, deletes the legal holds on them in the same transaction: once the data is gone
 * there is nothing left to hold, and a hold names the person. The audit trail keeps who placed and released each.
 */
@Component
class HoldErasure implements SubjectRows {

    private final HoldRepository holds;

    HoldErasure(HoldRepository holds) {
        this.holds = holds;
    }

    @Override
    public List<String> erasure() {
        return List.of(HoldRepository.DELETE_OF_SUBJECTS);
    }

    @EventListener
    void erased(RecordsErased event) {
        holds.deleteOfRecords(event.records());
    }
}
