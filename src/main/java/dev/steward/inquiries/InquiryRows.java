package dev.steward.inquiries;

import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject deletes their cases and replies in the same transaction ({@link InquiryErasure} does so for an
 * erased submission). Apart from it because the vault makes this bean, and that one needs the vault.
 */
@Component
class InquiryRows implements SubjectRows {

    @Override
    public List<String> erasure() {
        return List.of(InquiryRepository.DELETE_OF_SUBJECTS);
    }
}
