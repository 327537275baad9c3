package dev.steward.inquiries;

import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectsErased;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject, or the submission a case is about, deletes the case and its replies in the same transaction.
 * The sealed replies are unreadable once the key is gone anyway; the rows would still tell that the person wrote,
 * when, and to whom.
 */
@Component
class InquiryErasure {

    private final InquiryRepository repository;

    InquiryErasure(InquiryRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void subjectErased(SubjectErased event) {
        repository.deleteOfSubjects(List.of(event.subject()));
    }

    @EventListener
    void subjectsErased(SubjectsErased event) {
        repository.deleteOfSubjects(event.subjects());
    }

    @EventListener
    void recordsErased(RecordsErased event) {
        repository.deleteOfRecords(event.records());
    }
}
