package dev.steward.accounts;

import dev.steward.vault.Access;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whose data a signed-in account holder sees and decides about: their own subject, and every subject their proven
 * logins reach (what was submitted under the verified e-mail address before or since the account, never through a
 * phone number). An account's logins are proven when its address is verified, so an unverified account reaches
 * nothing, and could not be signed in to anyway.
 */
@Component
class AccountReach {

    private final Vault vault;
    private final Identities identities;

    AccountReach(Vault vault, Identities identities) {
        this.vault = vault;
        this.identities = identities;
    }

    /** The account's subject first. */
    List<SubjectId> of(SubjectId account) {
        Set<SubjectId> reached = new LinkedHashSet<>();
        reached.add(account);
        vault.heldIdentifiers(account, Access.subject("my-privacy")).stream()
                .filter(HeldIdentifier::proven)
                .forEach(held -> reached.addAll(identities.reach(account, held.identifier())));
        return List.copyOf(reached);
    }
}
