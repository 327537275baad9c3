package dev.steward.newsletter;

import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        List<Boolean> tracked = new ArrayList<>(Collections.nCopies(carriers.size(), Boolean.TRUE));
        for (String purpose : purposes) {
            List<ConsentDecision> allowed = decisions.decideEach(site, purpose, carriers, now);
            for (int i = 0; i < carriers.size(); i++) {
                tracked.set(i, tracked.get(i) && allowed.get(i).allowed());
            }
        }
        return tracked;
    }
}
