package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import dev.steward.vault.ErasureBlocker;
import dev.steward.vault.PersonErasure;
import dev.steward.vault.RecordSummary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final RequestWords words;
    private final ErasureSummaryRepository summaries;
    private final Clock clock;

    Erasures(
            PersonErasure erasure,
            Catalogs catalogs,
            RecipientNotices notices,
            Requesters requesters,
            RequestWords words,
            ErasureSummaryRepository summaries,
            Clock clock) {
        this.erasure = erasure;
        this.catalogs = catalogs;
        this.notices = notices;
        this.requesters = requesters;
        this.words = words;
        this.summaries = summaries;
        this.clock = clock;
    }

    record Outcome(String text, boolean subjectErased) {}

    Outcome erase(RightsRequest request, RequestDetails details) {
        int told = notices.tell(request, RecipientNotice.Change.ERASED, details.email(), Map.of());
        PersonErasure.Outcome outcome = erasure.erase(
                requesters.reach(request),
                SubjectData.sitesOf(catalogs.of(request.site())),
                "erasure request " + request.id(),
                true);
        List<PersonErasure.Kept> kept = outcome.kept();
        boolean requesterGone = outcome.subjectsErased().contains(request.subject());
        summaries.insert(summary(request, outcome));
        return new Outcome(text(request, outcome.erased(), kept, told, outcome.everything()), requesterGone);
    }

    /** The answer in numbers and catalog keys, outside the vault, in the transaction that erases. */
    private ErasureSummary summary(RightsRequest request, PersonErasure.Outcome outcome) {
        List<String> told = notices.ofRequest(request.id()).stream()
                .map(RecipientNotice::recipient)
                .distinct()
                .toList();
        return ErasureSummary.of(
                request.id(),
                clock.instant(),
                outcome,
                activity -> rule(request, activity).map(RetentionRule::statutoryMinimum),
                told);
    }

    private String text(RightsRequest request, int erased, List<PersonErasure.Kept> kept, int told, boolean all) {
        StringBuilder text = new StringBuilder(
                all
                        ? words.words(request, "rights.outcome.erasure.all")
                        : words.words(request, "rights.outcome.erasure.some", erased));
        if (!kept.isEmpty()) {
            text.append(' ').append(words.words(request, "rights.outcome.erasure.kept"));
            kept.forEach(k -> text.append("\n- ").append(kept(request, k.record(), k.blocker())));
        }
        text.append('\n').append(words.words(request, "rights.outcome.erasure.told", told));
        text.append('\n').append(words.words(request, "rights.outcome.erasure.ledger"));
        return text.append(kept.isEmpty() ? "" : words.fallback(request)).toString();
    }

    /**
     * One record kept, named by its activity's label: a legal hold gives its reference (a court file number, say), a
     * statutory minimum its period and the catalog's reason.
     */
    private String kept(RightsRequest request, RecordSummary record, ErasureBlocker blocker) {
        String activity = words.activity(request, record.activity());
        String collected = words.day(request, record.collectedAt());
        String until = words.day(request, blocker.until().minusNanos(1));
        if (blocker.kind() == ErasureBlocker.Kind.LEGAL_HOLD) {
            return words.words(request, "rights.outcome.erasure.hold", activity, collected, blocker.reason(), until);
        }
        return words.words(
                        request,
                        "rights.outcome.erasure.statutory",
                        activity,
                        collected,
                        minimum(request, record),
                        until)
                + statutoryReason(request, record);
    }

    private String minimum(RightsRequest request, RecordSummary record) {
        return rule(request, record.activity())
                .map(RetentionRule::statutoryMinimum)
                .map(span -> words.period(request, span))
                .orElseGet(() -> words.words(request, "rights.outcome.erasure.statutory.unknown"));
    }

    /** The catalog's own words for why the law keeps these records, where it gives them. */
    private String statutoryReason(RightsRequest request, RecordSummary record) {
        return rule(request, record.activity())
                .map(RetentionRule::statutoryReason)
                .map(reason -> words.text(request, reason))
                .map(reason -> " " + sentence(reason))
                .orElse("");
    }

    /** A catalog's reason as a sentence, whether or not its author ended it with a full stop. */
    static String sentence(String reason) {
        return reason.matches(".*[.!?。]$") ? reason : reason + ".";
    }

    private Optional<RetentionRule> rule(RightsRequest request, String activity) {
        return statutoryRule(catalogs.of(request.site()), activity);
    }

    /** The retention rule of an activity, where it sets a statutory minimum. */
    static Optional<RetentionRule> statutoryRule(Catalog catalog, String activity) {
        return catalog.activity(activity)
                .map(ProcessingActivity::retention)
                .flatMap(catalog::retentionRule)
                .filter(rule -> rule.statutoryMinimum() != null);
    }
}
