package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.Access;
import dev.steward.vault.ClaimedIdentifier;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Rectification (GDPR Art. 16) and the APPI's amendment: each correction goes into every record of the controller
 * that holds the field; a supplementary statement completes the data where the subject gave one. Every recipient of
 * the data is then told (Art. 19).
 */
@Component
class Rectifications {

    private final Vault vault;
    private final Catalogs catalogs;
    private final Statements statements;
    private final RecipientNotices notices;
    private final Requesters requesters;
    private final Identities identities;
    private final RequestWords words;

    Rectifications(
            Vault vault,
            Catalogs catalogs,
            Statements statements,
            RecipientNotices notices,
            Requesters requesters,
            Identities identities,
            RequestWords words) {
        this.words = words;
        this.vault = vault;
        this.requesters = requesters;
        this.identities = identities;
        this.catalogs = catalogs;
        this.statements = statements;
        this.notices = notices;
    }

    String rectify(RightsRequest request, RequestDetails details, String staff) {
        Set<String> sites = SubjectData.sitesOf(catalogs.of(request.site()));
        List<String> corrected = new ArrayList<>();
        List<SubjectId> reached = requesters.reach(request);
        Map<Identifier, Identifier> moved = new LinkedHashMap<>();
        for (RecordSummary record : reached.stream()
                .flatMap(subject -> vault.records(subject).stream())
                .toList()) {
            if (!sites.contains(record.site())) {
                continue;
            }
            Map<String, String> applicable = applicable(record, details.changes());
            if (!applicable.isEmpty()) {
                moved.putAll(vault.rectify(
                        record.id(),
                        applicable,
                        Access.staff(staff, "rectify", request.id().toString())));
                corrected.addAll(applicable.keySet());
            }
        }
        // the person's other subjects (the request's own, those without a record here) follow the corrected address
        moved.forEach((from, to) -> identities.carrying(from).stream()
                .filter(reached::contains)
                .forEach(subject -> {
                    identities.remove(subject, from);
                    identities.add(subject, List.of(ClaimedIdentifier.of(to)));
                }));
        if (details.statement() != null) {
            statements.add(request, details.statement());
        }
        int told = notices.tell(request, RecipientNotice.Change.RECTIFIED, details.email(), details.changes());
        return outcome(request, corrected, details.statement() != null, told);
    }

    private Map<String, String> applicable(RecordSummary record, Map<String, String> changes) {
        Map<String, String> applicable = new LinkedHashMap<>();
        catalogs.of(record.site())
                .activity(record.activity())
                .ifPresent(activity -> changes.forEach((field, value) -> {
                    if (activity.collects(field)) {
                        applicable.put(field, value);
                    }
                }));
        return applicable;
    }

    private String outcome(RightsRequest request, List<String> corrected, boolean statement, int told) {
        StringBuilder outcome = new StringBuilder(
                corrected.isEmpty()
                        ? words.words(request, "rights.outcome.rectified.none")
                        : words.words(
                                request,
                                "rights.outcome.rectified",
                                String.join(
                                        words.words(request, "rights.list.separator"),
                                        corrected.stream()
                                                .distinct()
                                                .map(field -> words.field(request, field))
                                                .toList())));
        if (statement) {
            outcome.append(' ').append(words.words(request, "rights.outcome.rectified.statement"));
        }
        outcome.append(' ').append(words.words(request, "rights.outcome.rectified.told", told));
        return outcome.append(corrected.isEmpty() ? "" : words.fallback(request))
                .toString();
    }
}
