package dev.steward.newsletter;

import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentRecorded;
import dev.steward.vault.Addressees;
import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectsErased;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps tracking within what the person agreed to, whichever way they change their mind: a withdrawal, objection or
 * lapse of a list's consent (by the unsubscribe link, the privacy center, the account page or an integrator) cuts that
 * subscription from its pseudonym, and of the tracking consent all of the site's. Erasure cuts every link to the
 * person, in the same transaction: their campaign messages pass to another subject still carrying the address, or
 * stay only as counts.
 */
@Component
class NewsletterListeners {

    private static final Set<ConsentAction> ENDING =
            EnumSet.of(ConsentAction.WITHDRAWN, ConsentAction.OBJECTED, ConsentAction.LAPSED);

    private final CampaignLists lists;
    private final Tracking tracking;
    private final Addressees addressees;
    private final CampaignMessageRepository messages;

    NewsletterListeners(
            CampaignLists lists, Tracking tracking, Addressees addressees, CampaignMessageRepository messages) {
        this.lists = lists;
        this.tracking = tracking;
        this.addressees = addressees;
        this.messages = messages;
    }

    @EventListener
    void consentRecorded(ConsentRecorded event) {
        if (!ENDING.contains(event.action())) {
            return;
        }
        boolean list = lists.of(event.site()).stream()
                .anyMatch(found -> found.marketing() && found.purpose().equals(event.purpose()));
        boolean evaluation = lists.trackingPurposes(event.site()).contains(event.purpose());
        if (!list && !evaluation) {
            return;
        }
        addressees
                .emailIndexesOf(List.of(event.subject()))
                .getOrDefault(event.subject(), List.of())
                .forEach(index -> tracking.anonymise(index, event.site(), evaluation ? null : event.purpose()));
    }

    @EventListener
    void erased(SubjectErased event) {
        forget(List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        forget(event.subjects());
    }

    private void forget(Collection<SubjectId> erased) {
        Map<String, List<CampaignMessage>> byAddress = new LinkedHashMap<>();
        messages.ofSubjects(erased)
                .forEach(message -> byAddress
                        .computeIfAbsent(HexFormat.of().formatHex(message.emailIndex()), ignored -> new ArrayList<>())
                        .add(message));
        for (List<CampaignMessage> sameAddress : byAddress.values()) {
            byte[] index = sameAddress.get(0).emailIndex();
            List<SubjectId> remaining = addressees.carrying(index);
            List<UUID> ids = sameAddress.stream().map(CampaignMessage::id).toList();
            if (remaining.isEmpty()) {
                messages.forget(ids);
                tracking.anonymise(index, null, null);
            } else {
                messages.refile(ids, remaining.get(0));
            }
        }
    }
}
