package dev.steward.inquiries;

import dev.steward.vault.RecordsErased;
import dev.steward.vault.SubjectSplit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing the submission a case is about deletes the case and its replies in the same transaction (a subject's cases
 * go by {@link InquiryRows}); splitting a subject moves the case with its submission. The sealed replies are
 * unreadable once the key is gone anyway; the rows would still tell that the person wrote, when, and to whom.
 */
@Component
class InquiryErasure {

    private final InquiryRepository repository;
    private final Replies replies;

    InquiryErasure(InquiryRepository repository, Replies replies) {
        this.repository = repository;
        this.replies = replies;
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
