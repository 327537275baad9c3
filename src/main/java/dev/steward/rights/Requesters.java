package dev.steward.rights;

import dev.steward.disclosures.DisclosedRecipient;
import dev.steward.disclosures.Disclosures;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whose data a request reaches. The requester is a subject of their own until they prove the address they gave; from
 * then on the request reaches everything filed under that address (never through a phone number, never a subject
 * that staff must review first). Unproven, it reaches nobody but the requester.
 */
@Component
class Requesters {

    private final Identities identities;
    private final RequestRecords records;
    private final Disclosures disclosures;

    Requesters(Identities identities, RequestRecords records, Disclosures disclosures) {
        this.identities = identities;
        this.records = records;
        this.disclosures = disclosures;
    }

    List<SubjectId> reach(RightsRequest request) {
        return records.details(request)
                .map(details -> identities.reach(request.subject(), Identifier.email(details.email())))
                .orElse(List.of(request.subject()));
    }

    /** The recipients the person's data on the request's site went to, each once over all the subjects reached. */
    List<DisclosedRecipient> recipients(RightsRequest request) {
        Map<String, DisclosedRecipient> merged = new LinkedHashMap<>();
        for (SubjectId subject : reach(request)) {
            disclosures.recipientsOf(subject).stream()
                    .filter(recipient -> recipient.site().equals(request.site()))
                    .forEach(recipient -> merged.merge(recipient.recipient(), recipient, Requesters::sum));
        }
        return List.copyOf(merged.values());
    }

    private static DisclosedRecipient sum(DisclosedRecipient one, DisclosedRecipient other) {
        Collection<String> categories = new LinkedHashSet<>(one.categories());
        categories.addAll(other.categories());
        return new DisclosedRecipient(
                one.site(),
                one.recipient(),
                one.name(),
                one.country(),
                List.copyOf(categories),
                one.disclosures() + other.disclosures(),
                one.firstDisclosedAt().isBefore(other.firstDisclosedAt())
                        ? one.firstDisclosedAt()
                        : other.firstDisclosedAt(),
                one.lastDisclosedAt().isAfter(other.lastDisclosedAt())
                        ? one.lastDisclosedAt()
                        : other.lastDisclosedAt());
    }
}
