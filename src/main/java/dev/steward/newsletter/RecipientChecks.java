package dev.steward.newsletter;

import dev.steward.consent.ConsentDecision;
import dev.steward.consent.ConsentDecisions;
import dev.steward.mail.MailHold;
import dev.steward.mail.MailKind;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.vault.Addressees;
import dev.steward.vault.Addressees.Addressee;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SuppressionList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may receive a message, decided for a batch just before it goes, in a few queries whatever its size. Marketing
 * needs a current consent to the list's purpose by the latest word of every subject carrying the address (confirmed,
 * the lists being double opt-in), and no restriction or objection of any of them; it is tracked only where the
 * consent to the site's tracking purposes is current too. Operational mail goes to everyone it concerns, held while a
 * restriction applies. Nobody receives anything at a suppressed address (erased, or bounced for good), nor once
 * erased.
 */
@Component
class RecipientChecks {

    private final Addressees addressees;
    private final SuppressionList suppression;
    private final ConsentDecisions decisions;
    private final CampaignLists lists;
    private final Tracking tracking;
    private final List<MailHold> holds;

    RecipientChecks(
            Addressees addressees,
            SuppressionList suppression,
            ConsentDecisions decisions,
            CampaignLists lists,
            Tracking tracking,
            List<MailHold> holds) {
        this.addressees = addressees;
        this.suppression = suppression;
        this.decisions = decisions;
        this.lists = lists;
        this.tracking = tracking;
        this.holds = holds;
    }

    Map<UUID, Verdict> decide(Campaign campaign, List<CampaignMessage> messages, Instant now) {
        List<byte[]> indexes =
                messages.stream().map(CampaignMessage::emailIndex).toList();
        Map<String, Addressee> people = new HashMap<>();
        addressees.of(indexes).forEach(person -> people.put(hex(person.emailIndex()), person));
        Set<String> suppressed = suppression.containedOf(indexes);
        List<Addressee> reachable = new ArrayList<>();
        Map<UUID, Verdict> verdicts = new HashMap<>();
        for (CampaignMessage message : messages) {
            String index = hex(message.emailIndex());
            Addressee person = people.get(index);
            if (person == null) {
                verdicts.put(message.id(), new Verdict.Skip("erased"));
            } else if (suppressed.contains(index)) {
                verdicts.put(message.id(), new Verdict.Skip("suppressed"));
            } else {
                reachable.add(person);
            }
        }
        Map<String, Verdict> byAddress =
                campaign.marketing() ? marketing(campaign, reachable, now) : operational(campaign, reachable);
        for (CampaignMessage message : messages) {
            Verdict verdict = byAddress.get(hex(message.emailIndex()));
            if (verdict != null) {
                verdicts.putIfAbsent(message.id(), verdict);
            }
        }
        return verdicts;
    }

    private Map<String, Verdict> marketing(Campaign campaign, List<Addressee> people, Instant now) {
        Map<String, Verdict> verdicts = new HashMap<>();
        if (people.isEmpty()) {
            return verdicts;
        }
        List<List<SubjectId>> carriers =
                people.stream().map(Addressee::subjects).toList();
        List<String> trackingPurposes = lists.trackingPurposes(campaign.site());
        List<String> purposes = new ArrayList<>(List.of(campaign.purpose()));
        purposes.addAll(trackingPurposes);
        Map<String, List<ConsentDecision>> decided;
        try {
            decided = decisions.decideEach(campaign.site(), purposes, carriers, now);
        } catch (InvalidInputException | NotFoundException e) {
            // the catalog no longer declares the list's purpose on the site
            people.forEach(person -> verdicts.put(hex(person.emailIndex()), new Verdict.Skip("undeclared-purpose")));
            return verdicts;
        }
        List<ConsentDecision> list = decided.get(campaign.purpose());
        List<byte[]> trackedIndexes = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (list.get(i).allowed() && TrackingConsents.covered(trackingPurposes, decided, i)) {
                trackedIndexes.add(people.get(i).emailIndex());
            }
        }
        Map<String, String> pseudonyms = tracking.pseudonyms(campaign.site(), campaign.purpose(), trackedIndexes);
        for (int i = 0; i < people.size(); i++) {
            Addressee person = people.get(i);
            String index = hex(person.emailIndex());
            verdicts.put(
                    index,
                    list.get(i).allowed()
                            ? new Verdict.Send(person, pseudonyms.get(index))
                            : new Verdict.Skip(list.get(i).reason()));
        }
        return verdicts;
    }

    /**
     * Operational mail goes to whom it concerns as it goes: the address must still be carried by someone holding data
     * of the audience's activities on the site. WHY: erasing the person the campaign found passes their queued message
     * to another subject carrying the address, perhaps of another site, who is no concern of this mail.
     */
    private Map<String, Verdict> operational(Campaign campaign, List<Addressee> people) {
        Map<String, Verdict> verdicts = new HashMap<>();
        List<String> activities = lists.find(campaign.site(), campaign.purpose())
                .map(MailingList::activities)
                .orElse(List.of());
        Set<SubjectId> concerned = addressees.holdingRecords(
                campaign.site(),
                activities,
                people.stream().flatMap(person -> person.subjects().stream()).toList());
        for (Addressee person : people) {
            if (person.subjects().stream().noneMatch(concerned::contains)) {
                verdicts.put(hex(person.emailIndex()), new Verdict.Skip("erased"));
                continue;
            }
            boolean held = person.subjects().stream()
                    .anyMatch(subject -> holds.stream()
                            .anyMatch(hold -> hold.holds(subject, campaign.site(), MailKind.OPERATIONAL, null)));
            verdicts.put(hex(person.emailIndex()), held ? new Verdict.Hold() : new Verdict.Send(person, null));
        }
        return verdicts;
    }

    static String hex(byte[] index) {
        return HexFormat.of().formatHex(index);
    }
}
