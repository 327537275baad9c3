package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.Purpose;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Withdrawal (GDPR Art. 7(3)) and objection (Art. 21) are ledger events: from then on processing for those purposes
 * stops; what was done before stays lawful. Without purposes named, they cover every purpose they can. They reach every
 * subject filed under the requester's proven address.
 */
@Component
class ConsentRights {

    private final ConsentLedger ledger;
    private final Catalogs catalogs;
    private final Requesters requesters;
    private final RequestWords words;
    private final Clock clock;

    ConsentRights(ConsentLedger ledger, Catalogs catalogs, Requesters requesters, RequestWords words, Clock clock) {
        this.words = words;
        this.ledger = ledger;
        this.catalogs = catalogs;
        this.requesters = requesters;
        this.clock = clock;
    }

    String withdraw(RightsRequest request, RequestDetails details) {
        List<String> purposes = chosenOrAll(
                request,
                details,
                purpose -> purpose.basesIn(request.jurisdiction()).stream().anyMatch(LegalBasis::isConsent));
        List<SubjectId> reached = requesters.reach(request);
        List<String> withdrawn = purposes.stream()
                .filter(purpose -> reached.stream()
                                .filter(subject -> currentlyGranted(request, subject, purpose))
                                .peek(subject -> record(request, subject, purpose, ConsentAction.WITHDRAWN))
                                .count()
                        > 0)
                .toList();
        return withdrawn.isEmpty()
                ? words.words(request, "rights.outcome.withdrawn.none")
                : words.words(request, "rights.outcome.withdrawn", names(request, withdrawn)) + words.fallback(request);
    }

    String object(RightsRequest request, RequestDetails details) {
        List<String> purposes = chosenOrAll(
                request,
                details,
                purpose -> purpose.directMarketing()
                        || purpose.basesIn(request.jurisdiction()).contains(LegalBasis.GDPR_6_1_F));
        List<SubjectId> reached = requesters.reach(request);
        purposes.forEach(
                purpose -> reached.forEach(subject -> record(request, subject, purpose, ConsentAction.OBJECTED)));
        return words.words(request, "rights.outcome.objected", names(request, purposes)) + words.fallback(request);
    }

    private List<String> chosenOrAll(RightsRequest request, RequestDetails details, Predicate<Purpose> fits) {
        if (!details.purposes().isEmpty()) {
            return details.purposes();
        }
        Catalog catalog = catalogs.of(request.site());
        return catalog.activitiesOf(request.site()).stream()
                .flatMap(activity -> catalog.purposesOf(activity).stream())
                .distinct()
                .filter(fits)
                .map(Purpose::key)
                .toList();
    }

    private boolean currentlyGranted(RightsRequest request, SubjectId subject, String purpose) {
        return ledger.decidingEventAt(subject, request.site(), purpose, clock.instant())
                .map(ConsentEvent::action)
                .filter(ConsentAction::grants)
                .isPresent();
    }

    private void record(RightsRequest request, SubjectId subject, String purpose, ConsentAction action) {
        ledger.record(ConsentRequest.of(subject, request.site(), purpose, action, CollectionMethod.PRIVACY_CENTER)
                .withJurisdiction(request.jurisdiction())
                .withEvidence("rights-request:" + request.id(), false));
    }

    private String names(RightsRequest request, List<String> purposes) {
        return String.join(
                words.words(request, "rights.list.separator"),
                purposes.stream().map(key -> words.purpose(request, key)).toList());
    }
}
