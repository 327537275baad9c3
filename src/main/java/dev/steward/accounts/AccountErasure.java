package dev.steward.accounts;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.PersonErasure;
import dev.steward.vault.SubjectId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder deleting their own account loses it at once, but records under a legal hold or a statutory minimum stay
 * until those end. (Erasing a subject, whoever erased them, deletes their accounts and reset links in the same
 * transaction through {@link AccountRows}: a password hash must not outlive the person it lets in.)
 */
@Component
class AccountErasure {

    private static final String BY_HOLDER = "account deleted by its holder";

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final PersonErasure erasure;
    private final AccountReach reach;
    private final Catalogs catalogs;

    AccountErasure(
            AccountRepository accounts,
            AccountTokenRepository tokens,
            PersonErasure erasure,
            AccountReach reach,
            Catalogs catalogs) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.erasure = erasure;
        this.reach = reach;
        this.catalogs = catalogs;
    }

    /**
     * Erases, at the holder's own request, what the site's controller holds about them (every subject their account
     * reaches) and the account itself; answers what had to stay, and why.
     */
    @Transactional
    List<ErasureBlocker> eraseAtHoldersRequest(String site, SubjectId subject) {
        Set<String> sites = catalogs.of(site).sites().stream().map(Site::key).collect(Collectors.toSet());
        PersonErasure.Outcome outcome = erasure.erase(reach.of(subject), sites, BY_HOLDER, false);
        deleteAccounts(subject);
        return outcome.kept().stream().map(PersonErasure.Kept::blocker).toList();
    }

    private void deleteAccounts(SubjectId subject) {
        accounts.deleteOfSubjects(List.of(subject));
        tokens.deleteOfSubjects(List.of(subject));
    }
}
