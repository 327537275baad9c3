package dev.steward.newsletter;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.util.List;

/**
 * People as a form makes them: each submission a subject of its own carrying its address, with consents given and
 * confirmed from the mailbox as the double opt-in records them.
 */
final class Subscribers {

    private final Identities identities;
    private final ConsentLedger ledger;

    Subscribers(Identities identities, ConsentLedger ledger) {
        this.identities = identities;
        this.ledger = ledger;
    }

    /** A new subject carrying the address, having given and confirmed each purpose. */
    SubjectId confirmed(String site, String address, String... purposes) {
        SubjectId subject = given(site, address, purposes);
        for (String purpose : purposes) {
            record(subject, site, purpose, ConsentAction.CONFIRMED, CollectionMethod.EMAIL_LINK);
        }
        return subject;
    }

    /** A new subject carrying the address, having given each purpose without confirming it. */
    SubjectId given(String site, String address, String... purposes) {
        SubjectId subject = identities.newSubject(List.of(ClaimedIdentifier.of(Identifier.email(address))));
        for (String purpose : purposes) {
            record(subject, site, purpose, ConsentAction.GIVEN, CollectionMethod.FORM);
        }
        return subject;
    }

    void record(SubjectId subject, String site, String purpose, ConsentAction action, CollectionMethod method) {
        ledger.record(ConsentRequest.of(subject, site, purpose, action, method)
                .withWording("Yes, send me " + purpose + ".")
                .withConnection("198.51.100.23", "Mozilla/5.0 (subscriber)"));
    }
}
