package dev.steward.accounts;

import dev.steward.catalog.Site;
import dev.steward.catalog.Span;
import java.time.Instant;

/**
 * A site's account security from its catalog ({@code accounts}), or Steward's defaults where the catalog is silent:
 * a password again after 30 minutes, 5 wrong passwords lock the account for 15 minutes.
 */
record AccountPolicy(Span reauthenticateAfter, int lockoutAfterFailures, Span lockoutFor) {

    static final AccountPolicy DEFAULT = new AccountPolicy(Span.parse("PT30M"), 5, Span.parse("PT15M"));

    static AccountPolicy of(Site site) {
        Site.Accounts accounts = site.accounts();
        return accounts == null
                ? DEFAULT
                : new AccountPolicy(
                        accounts.reauthenticateAfter(), accounts.lockoutAfterFailures(), accounts.lockoutFor());
    }

    /** Whether a password typed at that time still opens sensitive actions. */
    boolean recent(Instant passwordAt, Instant now) {
        return now.isBefore(reauthenticateAfter.addTo(passwordAt));
    }
}
