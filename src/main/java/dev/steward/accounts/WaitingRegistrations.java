package dev.steward.accounts;

import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registrations of one address on a site that wait for their link. Anyone may register any address, as often as
 * the rate limits allow, so the owner's mailbox may hold links of a stranger's registrations beside the owner's own,
 * all alike, and sign-in tries only a few of them ({@code SignIn}). Every one of those links proves the same mailbox,
 * so whichever of them the owner follows, the password they chose picks their registration (attack21): a stranger who
 * registered the address first cannot make the owner's own password "wrong".
 */
@Component
class WaitingRegistrations {

    /**
     * Each try costs a password hash; only a link mailed to the address reaches here, and the registrations are tried
     * oldest first, as sign-in tries them, so a stranger's later ones never push the owner's out.
     */
    static final int MOST_TRIED = 20;

    private final AccountRepository accounts;
    private final Identities identities;
    private final PasswordChecks checks;
    private final Clock clock;

    WaitingRegistrations(AccountRepository accounts, Identities identities, PasswordChecks checks, Clock clock) {
        this.accounts = accounts;
        this.identities = identities;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * The registration of the address, other than the one whose link was followed, that the password belongs to; each
     * wrong one counts towards that registration's lockout, as a wrong password typed anywhere does.
     */
    Optional<Account> ofPassword(String site, Identifier email, SubjectId followed, String password) {
        for (Account account : of(site, email)) {
            if (!account.subject().equals(followed)
                    && checks.check(account, password).verdict() == PasswordChecks.Verdict.RIGHT) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }

    /** The oldest of them: where a new link for the address is issued when its owner asks for one. */
    Optional<Account> oldest(String site, Identifier login) {
        return of(site, login).stream().findFirst();
    }

    private List<Account> of(String site, Identifier login) {
        List<SubjectId> carriers = identities.carrying(login);
        return carriers.isEmpty() ? List.of() : accounts.waiting(site, carriers, clock.instant(), MOST_TRIED);
    }
}
