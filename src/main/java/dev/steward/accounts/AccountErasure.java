package dev.steward.accounts;

import dev.steward.vault.SubjectErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Erasing a subject deletes their accounts and reset links in the same transaction, whoever erased them (the person,
 * a rights request, retention): a password hash must not outlive the person it lets in.
 */
@Component
class AccountErasure {

    private final AccountRepository accounts;
    private final ResetTokenRepository tokens;

    AccountErasure(AccountRepository accounts, ResetTokenRepository tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @EventListener
    void erased(SubjectErased event) {
        accounts.deleteOfSubject(event.subject());
        tokens.deleteOfSubject(event.subject());
    }
}
