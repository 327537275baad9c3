package dev.steward.mail;

import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Marketing goes only to someone with a current consent to its purpose, asked when queued and again when sent. */
@Component
class MarketingConsent {

    private final ConsentDecisions decisions;
    private final Clock clock;

    MarketingConsent(ConsentDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Why the message must not go out, as the decision's reason code; empty when it may. */
    Optional<String> refusal(String site, SubjectId subject, MailKind kind, @Nullable String purpose) {
        if (kind != MailKind.MARKETING) {
            return Optional.empty();
        }
        try {
            // Asked for an instant, the decision reads the ledger itself rather than the in-memory index, which
            // catches up with new consent events a moment after they commit: a consent just given or withdrawn counts.
            ConsentDecision decision = decisions.decide(site, subject.toString(), purpose, clock.instant());
            return decision.allowed() ? Optional.empty() : Optional.of(decision.reason());
        } catch (InvalidInputException | NotFoundException e) {
            // the catalog no longer declares the site or purpose the message was queued for
            return Optional.of("undeclared-purpose");
        }
    }
}
