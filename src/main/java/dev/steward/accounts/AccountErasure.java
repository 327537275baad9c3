package dev.steward.accounts;

import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.ErasureBlockers;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectsErased;
import dev.steward.vault.Vault;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasing a subject deletes their accounts and reset links in the same transaction, whoever erased them (the person,
 * a rights request, retention): a password hash must not outlive the person it lets in. A holder deleting their own
 * account loses it at once, but records under a legal hold or a statutory minimum stay until those end.
 */
@Component
class AccountErasure {

    private static final String BY_HOLDER = "account deleted by its holder";

    private final AccountRepository accounts;
    private final ResetTokenRepository tokens;
    private final Vault vault;
    private final ErasureBlockers blockers;

    AccountErasure(AccountRepository accounts, ResetTokenRepository tokens, Vault vault, ErasureBlockers blockers) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.vault = vault;
        this.blockers = blockers;
    }

    /** Erases the holder at their own request; answers what had to stay, and why. */
    @Transactional
    List<ErasureBlocker> eraseAtHoldersRequest(SubjectId subject) {
        List<ErasureBlocker> kept = blockers.blockers(subject);
        if (kept.isEmpty() && !blockers.holdsSubject(subject)) {
            vault.eraseSubject(subject, BY_HOLDER);
            return kept;
        }
        Set<RecordId> held = kept.stream().map(ErasureBlocker::record).collect(Collectors.toSet());
        List<RecordId> erasable = vault.records(subject).stream()
                .map(RecordSummary::id)
                .filter(Predicate.not(held::contains))
                .toList();
        vault.eraseRecords(subject, erasable, null, BY_HOLDER);
        deleteAccounts(subject);
        return kept;
    }

    @EventListener
    void erased(SubjectErased event) {
        deleteAccounts(event.subject());
    }

    @EventListener
    void erased(SubjectsErased event) {
        accounts.deleteOfSubjects(event.subjects());
        tokens.deleteOfSubjects(event.subjects());
    }

    private void deleteAccounts(SubjectId subject) {
        accounts.deleteOfSubjects(List.of(subject));
        tokens.deleteOfSubjects(List.of(subject));
    }
}
