package dev.steward.accounts;

import dev.steward.vault.SubjectKeepers;
import org.springframework.stereotype.Component;

/**
 * A subject with an account still needs their identifiers, which are its logins, and their key. An account goes with
 * its subject's erasure, or on its own when its inactivity period has run out ({@link Accounts#closeInactive}).
 */
@Component
class AccountHolders implements SubjectKeepers {

    @Override
    public String keeps() {
        return AccountRepository.HOLDS_ACCOUNT;
    }
}
