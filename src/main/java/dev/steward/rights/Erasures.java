package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.vault.PersonErasure;
import dev.steward.vault.RecordSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Erasure (GDPR Art. 17) and the APPI's deletion, through the vault. Records the law obliges the controller to keep (a
 * statutory minimum) or that staff placed under a legal hold stay, and the answer says which and why. Everything else of this controller is erased; when
 * nothing remains, the subject's key is destroyed and their identifiers go onto the suppression list, so neither an
 * import nor a campaign can bring them back. It reaches every subject filed under the requester's proven address.
 * Every recipient of the data is told first (Art. 19).
 */
@Component
class Erasures {

    private final PersonErasure erasure;
    private final Catalogs catalogs;
    private final RecipientNotices notices;
    private final Requesters requesters;

    Erasures(PersonErasure erasure, Catalogs catalogs, RecipientNotices notices, Requesters requesters) {
        this.erasure = erasure;
        this.catalogs = catalogs;
        this.notices = notices;
        this.requesters = requesters;
    }

    /** What an erasure left in place, and why. */
    record Kept(RecordSummary record, String reason, Instant until) {}

    record Outcome(String text, boolean subjectErased) {}

    Outcome erase(RightsRequest request, RequestDetails details) {
        int told = notices.tell(request, RecipientNotice.Change.ERASED, details.email(), Map.of());
        PersonErasure.Outcome outcome = erasure.erase(
                requesters.reach(request),
                SubjectData.sitesOf(catalogs.of(request.site())),
                "erasure request " + request.id(),
                true);
        List<Kept> kept = outcome.kept().stream()
                .map(k -> new Kept(k.record(), k.blocker().reason(), k.blocker().until()))
                .toList();
        boolean requesterGone = outcome.subjectsErased().contains(request.subject());
        return new Outcome(text(outcome.erased(), kept, told, outcome.everything()), requesterGone);
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
                    .append(sentence(k.reason()))
                    .append(" Kept until ")
                    .append(RightsMail.day(k.until().minusNanos(1)))
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

    /** A hold's reason is a reference such as a court file number; the statutory reason is already a sentence. */
    private static String sentence(String reason) {
        return reason.matches(".*[.!?]$") ? reason : reason + ".";
    }
}
