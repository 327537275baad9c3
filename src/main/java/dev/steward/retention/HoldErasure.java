package dev.steward.retention;

import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject, or a record, deletes the legal holds on them in the same transaction: once the data is gone
 * there is nothing left to hold, and a hold names the person. The audit trail keeps who placed and released each.
 */
@Component
class HoldErasure {

    private final HoldRepository holds;

    HoldErasure(HoldRepository holds) {
        this.holds = holds;
    }

    @EventListener
    void erased(SubjectErased event) {
        holds.deleteOfSubjects(List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        holds.deleteOfSubjects(event.subjects());
    }

    @EventListener
    void erased(RecordsErased event) {
        holds.deleteOfRecords(event.records());
    }
}
