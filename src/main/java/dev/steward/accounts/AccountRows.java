package dev.steward.accounts;

import dev.steward.vault.SubjectRows;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject deletes their accounts and their reset and verification links in the same transaction, whoever
 * erased them ({@link AccountErasure}). Apart from it because the vault makes this bean, and that one needs the vault.
 */
@Component
class AccountRows implements SubjectRows {

    @Override
    public List<String> erasure() {
        return List.of(AccountRepository.DELETE_OF_SUBJECTS, AccountTokenRepository.DELETE_OF_SUBJECTS);
    }
}
