package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.RetentionRule;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SuppressionList;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Erasure (GDPR Art. 17) and the APPI's deletion, through the vault. Records the law obliges the controller to keep (a
 * statutory minimum) stay, and the answer says which and why. Everything else of this controller is erased; when
 * nothing remains, the subject's key is destroyed and their identifiers go onto the suppression list, so neither an
 * import nor a campaign can bring them back. Every recipient of the data is told first (Art. 19).
 */
@Component
class Erasures {

    private final Vault vault;
    private final SuppressionList suppression;
    private final Catalogs catalogs;
    private final RecipientNotices notices;
    private final Clock clock;

    Erasures(Vault vault, SuppressionList suppression, Catalogs catalogs, RecipientNotices notices, Clock clock) {
        this.vault = vault;
        this.suppression = suppression;
        this.catalogs = catalogs;
        this.notices = notices;
        this.clock = clock;
    }

    /** What an erasure left in place, and why. */
    record Kept(RecordSummary record, String reason, Instant until) {}

    record Outcome(String text, boolean subjectErased) {}

    Outcome erase(RightsRequest request, RequestDetails details) {
        Catalog catalog = catalogs.of(request.site());
        Set<String> sites = SubjectData.sitesOf(catalog);
        List<RecordSummary> records = vault.records(request.subject());
        List<Kept> kept = new ArrayList<>();
        List<RecordId> erase = new ArrayList<>();
        for (RecordSummary record :
                records.stream().filter(r -> sites.contains(r.site())).toList()) {
            statutoryMinimum(catalog, record).ifPresentOrElse(kept::add, () -> erase.add(record.id()));
        }
        boolean elsewhere = records.stream().anyMatch(r -> !sites.contains(r.site()));
        int told = notices.tell(request, RecipientNotice.Change.ERASED, details.email(), Map.of());
        String reason = "erasure request " + request.id();
        if (kept.isEmpty() && !elsewhere) {
            List<Identifier> identifiers = vault.identifiers(request.subject(), Access.system("suppression"));
            suppression.add(identifiers);
            vault.eraseSubject(request.subject(), reason);
            return new Outcome(text(erase.size(), kept, told, true), true);
        }
        vault.eraseRecords(request.subject(), erase, null, reason);
        return new Outcome(text(erase.size(), kept, told, false), false);
    }

    private Optional<Kept> statutoryMinimum(Catalog catalog, RecordSummary record) {
        return catalog.retentionRule(record.retentionRule())
                .filter(rule -> rule.statutoryMinimum() != null)
                .map(rule ->
                        new Kept(record, reason(rule), rule.statutoryMinimum().addTo(record.collectedAt())))
                .filter(kept -> kept.until().isAfter(clock.instant()));
    }

    private static String reason(RetentionRule rule) {
        return rule.statutoryReason() != null
                ? rule.statutoryReason()
                : "The law obliges us to keep it for " + rule.statutoryMinimum() + " after collection.";
    }

    private static String text(int erased, List<Kept> kept, int told, boolean everything) {
        StringBuilder text = new StringBuilder(
                everything
                        ? "All your data held for this site is erased, and the key that encrypted it destroyed."
                        : "We erased " + erased + " of your records.");
        if (!kept.isEmpty()) {
            text.append(" We must keep the following, and will erase it as soon as we may:");
            kept.forEach(k -> text.append("\n- ")
                    .append(k.record().activity())
                    .append(" (collected ")
                    .append(RightsMail.day(k.record().collectedAt()))
                    .append("): ")
                    .append(k.reason())
                    .append(" Until ")
                    .append(RightsMail.day(k.until()))
                    .append('.'));
        }
        text.append(
                told == 0
                        ? "\nNobody received your data, so there was no one else to tell."
                        : "\nWe told the " + told + " recipient(s) of your data to erase it too.");
        text.append("\nThe pseudonymous record that consents were given or withdrawn stays in our consent ledger as"
                + " evidence; without your key it can no longer be linked to you.");
        return text.toString();
    }
}
