package dev.steward.newsletter;

import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * Whether evaluating how a site's newsletters are read is covered for people: the catalog still declares it for the
 * site, and the consent to every purpose of its activity is current by the latest word of every subject carrying the
 * address, with no restriction (the same decision as any other processing on consent). Asked when a message goes,
 * and again for every open and click, since a restriction or a lapse leaves no withdrawal that would cut the
 * pseudonym.
 */
@Component
class TrackingConsents {

    private final ConsentDecisions decisions;
    private final CampaignLists lists;

    TrackingConsents(ConsentDecisions decisions, CampaignLists lists) {
        this.decisions = decisions;
        this.lists = lists;
    }

    /** For each person (the subjects carrying one address), whether they may be tracked now. */
    List<Boolean> cover(String site, List<List<SubjectId>> carriers, Instant now) {
        List<String> purposes = lists.trackingPurposes(site);
        if (purposes.isEmpty()) {
            return Collections.nCopies(carriers.size(), Boolean.FALSE);
        }
        Map<String, List<ConsentDecision>> decided = decisions.decideEach(site, purposes, carriers, now);
        return IntStream.range(0, carriers.size())
                .mapToObj(person -> covered(purposes, decided, person))
                .toList();
    }

    /**
     * Whether the decisions taken for every tracking purpose of the site allow tracking one person (by their place in
     * the decided lists); no tracking purpose declared: nobody is tracked.
     */
    static boolean covered(List<String> purposes, Map<String, List<ConsentDecision>> decided, int person) {
        return !purposes.isEmpty()
                && purposes.stream()
                        .allMatch(purpose -> decided.get(purpose).get(person).allowed());
    }
}
