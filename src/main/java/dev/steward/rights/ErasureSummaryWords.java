package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.RightType;
import dev.steward.catalog.SiteTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An answered erasure request's outcome as sentences, for its status page: in the reader's language, with the site's
 * days, activities and recipients by their labels and the catalog's reason where the law keeps records. It reads the
 * {@link ErasureSummary}, which outlives the requester's key; the sealed answer in the history does not.
 */
@Component
class ErasureSummaryWords {

    private final ErasureSummaryRepository summaries;
    private final RequestWords words;
    private final Catalogs catalogs;
    private final MessageSource messages;
    private final SiteTimes times;

    ErasureSummaryWords(
            ErasureSummaryRepository summaries,
            RequestWords words,
            Catalogs catalogs,
            MessageSource messages,
            SiteTimes times) {
        this.summaries = summaries;
        this.words = words;
        this.catalogs = catalogs;
        this.messages = messages;
        this.times = times;
    }

    /** What an answered erasure request did; empty for any other request. */
    List<String> of(RightsRequest request, Locale reader) {
        if (!isErasure(request.type()) || request.status() != RequestStatus.COMPLETED) {
            return List.of();
        }
        return summaries
                .of(request.id())
                .map(summary -> sentences(request, summary, reader))
                .orElseGet(() -> settled(request, reader));
    }

    static boolean isErasure(RightType type) {
        return type == RightType.ERASURE || type == RightType.DELETION;
    }

    /**
     * A request answered without a summary: closed because the person was erased whole some other way (retention, a
     * second request, their account's deletion), or answered before summaries were kept. Only the whole erasure can
     * be told then; a partial one still has its sealed answer in the history.
     */
    private List<String> settled(RightsRequest request, Locale reader) {
        return "erased".equals(request.outcome())
                ? List.of(say(reader, "rights.summary.all", day(request, request.closedAt(), reader)))
                : List.of();
    }

    private List<String> sentences(RightsRequest request, ErasureSummary summary, Locale reader) {
        String site = request.site();
        List<String> sentences = new ArrayList<>();
        String on = day(request, summary.erasedAt(), reader);
        int erased = summary.lines().stream()
                .filter(line -> !line.kept())
                .mapToInt(ErasureSummary.Line::records)
                .sum();
        sentences.add(
                summary.everything()
                        ? say(reader, "rights.summary.all", on)
                        : say(reader, "rights.summary.some", on, erased));
        summary.lines().forEach(line -> sentences.add(line(request, line, reader)));
        sentences.add(recipients(site, summary.recipients(), reader));
        if (summary.everything()) {
            sentences.add(say(reader, "rights.outcome.erasure.ledger"));
        }
        return List.copyOf(sentences);
    }

    private String line(RightsRequest request, ErasureSummary.Line line, Locale reader) {
        String site = request.site();
        String activity = words.activity(site, reader, line.activity());
        if (!line.kept()) {
            return say(reader, "rights.summary.erased", activity, line.records());
        }
        String until = day(request, line.keptUntil().minusNanos(1), reader);
        if (line.keptBy() == ErasureSummary.KeptBy.LEGAL_HOLD) {
            return say(reader, "rights.summary.kept.hold", activity, line.records(), until);
        }
        String period = line.keptFor() == null
                ? say(reader, "rights.outcome.erasure.statutory.unknown")
                : words.period(reader, line.keptFor());
        return say(reader, "rights.summary.kept.statutory", activity, line.records(), until, period)
                + reason(site, line.activity(), reader);
    }

    /** The catalog's own words for why the law keeps an activity's records, where it gives them. */
    private String reason(String site, String activity, Locale reader) {
        return Erasures.statutoryRule(catalogs.of(site), activity)
                .map(RetentionRule::statutoryReason)
                .map(reason -> " " + Erasures.sentence(words.text(site, reader, reason)))
                .orElse("");
    }

    private String recipients(String site, List<String> recipients, Locale reader) {
        if (recipients.isEmpty()) {
            return say(reader, "rights.summary.recipients.none");
        }
        List<String> names = recipients.stream()
                .map(recipient -> words.recipient(site, reader, recipient))
                .toList();
        return say(reader, "rights.summary.recipients", String.join(say(reader, "rights.summary.separator"), names));
    }

    /** A day on the requester's clock: their jurisdiction's time zone. */
    private String day(RightsRequest request, Instant at, Locale reader) {
        return times.day(at, catalogs.requireSite(request.site()), request.jurisdiction(), reader);
    }

    private String say(Locale reader, String code, Object... arguments) {
        return messages.getMessage(code, arguments, reader);
    }
}
