package dev.steward.inquiries;

import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectRows;
import dev.steward.vault.SubjectSplit;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject, or the submission a case is about, deletes the case and its replies in the same transaction; splitting
 * a subject moves the case with its submission.
 * The sealed replies are unreadable once the key is gone anyway; the rows would still tell that the person wrote,
 * when, and to whom.
 */
@Component
class InquiryErasure implements SubjectRows {

    private final InquiryRepository repository;
    private final Replies replies;

    InquiryErasure(InquiryRepository repository, Replies replies) {
        this.repository = repository;
        this.replies = replies;
    }

    @Override
    public List<String> erasure() {
        return List.of(InquiryRepository.DELETE_OF_SUBJECTS);
    }

    /** A case follows its submission when staff split the subject it was filed under. */
    @EventListener
    void subjectSplit(SubjectSplit event) {
        event.records()
                .forEach(record ->
                        repository.ofRecord(record).ifPresent(inquiry -> replies.moveTo(inquiry, event.to())));
    }

    @EventListener
    void recordsErased(RecordsErased event) {
        repository.deleteOfRecords(event.records());
    }
}
