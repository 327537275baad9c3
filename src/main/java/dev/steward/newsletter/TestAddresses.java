package dev.steward.newsletter;

import dev.steward.consent.ConsentLedger;
import dev.steward.vault.Identifier;
import dev.steward.vault.KnownSubjects;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether an address a campaign's test would go to is a person's rather than only a mailbox of staff. WHY: an
 * address at the sender's domain is the company's, yet a member of staff may also be a customer, a subscriber who
 * unsubscribed, or someone who asked to be erased; a test, filed under staff, would reach them past every check a
 * campaign makes (consent, restriction, suppression). The address is refused when the suppression list holds it
 * (erased, or bounced for good) or a subject carrying it is known on the campaign's site (a record, a rights request, an
 * account or a consent there), and so is the address without its {@code +tag}, which the same mailbox receives. Only
 * the campaign's site: a member limited to it must not learn that another site knows the address.
 */
@Component
class TestAddresses {

    private final KnownSubjects known;
    private final ConsentLedger ledger;

    TestAddresses(KnownSubjects known, ConsentLedger ledger) {
        this.known = known;
        this.ledger = ledger;
    }

    boolean ofAPerson(String site, String address) {
        Identifier given = Identifier.email(address);
        int at = given.value().lastIndexOf('@');
        int plus = given.value().indexOf('+');
        List<Identifier> mailbox = plus > 0 && plus < at
                ? List.of(
                        given,
                        Identifier.email(
                                given.value().substring(0, plus) + given.value().substring(at)))
                : List.of(given);
        KnownSubjects.Known found = known.lookUp(mailbox);
        return !found.suppressed().isEmpty()
                || found.carriers().values().stream()
                        .flatMap(List::stream)
                        .anyMatch(carrier -> carrier.sites().contains(site)
                                || ledger.history(carrier.subject()).stream()
                                        .anyMatch(event -> site.equals(event.site())));
    }
}
