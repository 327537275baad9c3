package dev.steward.people;

import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosure;
import dev.steward.disclosures.Disclosures;
import dev.steward.staff.Caller;
import dev.steward.vault.Access;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Which of a person's identifiers a member of some sites sees. Identifiers belong to the person, not to a site, so a
 * person known on other sites too (submissions a review joined, data from before proofs) may carry one that only
 * another site was given, say a phone number left on its customer-service form: a member of some sites sees only
 * the identifiers that the records of their own sites hold. A member of every site, or one whose sites are all the
 * person is known on, sees them all.
 */
@Component
class SiteIdentifiers {

    private final Vault vault;
    private final ConsentLedger consents;
    private final Disclosures disclosures;

    SiteIdentifiers(Vault vault, ConsentLedger consents, Disclosures disclosures) {
        this.vault = vault;
        this.consents = consents;
        this.disclosures = disclosures;
    }

    List<HeldIdentifier> visible(SubjectId subject, List<HeldIdentifier> held, Caller staff) {
        if (!knownElsewhere(subject, staff)) {
            return held;
        }
        List<String> given = givenOnTheirSites(subject, staff);
        return held.stream()
                .filter(identifier -> among(identifier.identifier(), given))
                .toList();
    }

    /**
     * Whether the member finds the person by this identifier: only by one their page shows them. WHY: a search that
     * found a person of the member's sites by a phone number only another site was given told the member whose number
     * it is, which the page keeps from them (attack23).
     */
    boolean findableBy(SubjectId subject, Identifier searched, Caller staff) {
        return !knownElsewhere(subject, staff) || among(searched, givenOnTheirSites(subject, staff));
    }

    /** The values the records of the member's sites hold: compared, never shown (what a page shows is audited). */
    private List<String> givenOnTheirSites(SubjectId subject, Caller staff) {
        return vault.records(subject).stream()
                .filter(record -> staff.maySee(record.site()))
                .map(record -> vault.fields(record.id(), Access.system("person-page-scope")))
                .map(fields -> fields.values())
                .flatMap(Collection::stream)
                .toList();
    }

    private static boolean among(Identifier identifier, List<String> given) {
        return given.stream().anyMatch(value -> new Identifier(identifier.kind(), value).equals(identifier));
    }

    private boolean knownElsewhere(SubjectId subject, Caller staff) {
        return Stream.of(
                        vault.records(subject).stream().map(RecordSummary::site),
                        consents.history(subject).stream().map(ConsentEvent::site),
                        disclosures.of(subject).stream().map(Disclosure::site))
                .flatMap(sites -> sites)
                .anyMatch(site -> !staff.maySee(site));
    }
}
