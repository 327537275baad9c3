package dev.steward.newsletter;

import dev.steward.consent.ConsentLedger;
import dev.steward.vault.Addressees;
import dev.steward.vault.SubjectId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whom a campaign is for, found when it starts: one message per e-mail address, however many subjects carry it. For
 * a marketing list, the people of subjects whose own latest consent to the list grants it; whether each of them may
 * really receive it (the latest word of every subject carrying the address, restrictions, suppression) is decided when
 * the message goes. For an operational audience, everyone holding data of the activities that serve the purpose.
 */
@Component
class Audience {

    private static final int BATCH = 10_000;

    private final ConsentLedger ledger;
    private final Addressees addressees;

    Audience(ConsentLedger ledger, Addressees addressees) {
        this.ledger = ledger;
        this.addressees = addressees;
    }

    /** The people to address: each address's blind index, with the first subject found carrying it. */
    record Recipients(List<byte[]> emailIndexes, List<SubjectId> subjects) {

        int size() {
            return emailIndexes.size();
        }
    }

    Recipients of(MailingList list) {
        List<SubjectId> subjects = list.marketing()
                ? ledger.consenting(list.site(), list.purpose())
                : addressees.withRecords(list.site(), list.activities());
        Map<String, Map.Entry<byte[], SubjectId>> byAddress = new LinkedHashMap<>();
        for (int from = 0; from < subjects.size(); from += BATCH) {
            List<SubjectId> batch = subjects.subList(from, Math.min(subjects.size(), from + BATCH));
            addressees
                    .emailIndexesOf(batch)
                    .forEach((subject, indexes) -> indexes.forEach(index ->
                            byAddress.putIfAbsent(HexFormat.of().formatHex(index), Map.entry(index, subject))));
        }
        List<byte[]> indexes = new ArrayList<>(byAddress.size());
        List<SubjectId> found = new ArrayList<>(byAddress.size());
        byAddress.values().forEach(entry -> {
            indexes.add(entry.getKey());
            found.add(entry.getValue());
        });
        return new Recipients(indexes, found);
    }
}
