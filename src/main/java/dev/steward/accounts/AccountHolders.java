package dev.steward.accounts;

import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectKeepers;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A subject with an account still needs their identifiers, which are its logins, and their key. An account goes with
 * its subject's erasure, or on its own when its inactivity period has run out ({@link Accounts#closeInactive}).
 */
@Component
class AccountHolders implements SubjectKeepers {

    private final AccountRepository accounts;

    AccountHolders(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<SubjectId> keeping(Collection<SubjectId> subjects) {
        return accounts.holders(subjects);
    }
}
