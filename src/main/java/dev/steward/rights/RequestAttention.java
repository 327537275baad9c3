package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Attention;
import dev.steward.staff.AttentionItems;
import dev.steward.staff.Caller;
import dev.steward.staff.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What of the rights requests waits for those who answer them: requests past their deadline, those due within
 * {@link RightsMetrics#SOON}, and recipients to be told by hand because their webhook kept failing or they have none.
 */
@Component
class RequestAttention implements AttentionItems {

    private final RequestRepository requests;
    private final RecipientNotices notices;
    private final Catalogs catalogs;
    private final Clock clock;

    private final ConsoleWords words;

    RequestAttention(
            ConsoleWords words, RequestRepository requests, RecipientNotices notices, Catalogs catalogs, Clock clock) {
        this.words = words;
        this.requests = requests;
        this.notices = notices;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @Override
    public List<Attention> attentionFor(Caller caller) {
        if (!caller.may(Permission.READ_REQUESTS)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<RequestRepository.OpenCount> open = requests.openCounts(now, now.plus(RightsMetrics.SOON)).stream()
                .filter(count -> caller.maySee(count.site()))
                .toList();
        List<String> sites =
                catalogs.sites().stream().map(Site::key).filter(caller::maySee).toList();
        return List.of(
                new Attention(
                        open.stream()
                                .mapToLong(RequestRepository.OpenCount::overdue)
                                .sum(),
                        words.get("console.attention.requestsOverdue"),
                        "/admin/requests?due=overdue"),
                new Attention(
                        open.stream()
                                .mapToLong(RequestRepository.OpenCount::dueSoon)
                                .sum(),
                        words.get("console.attention.requestsSoon", RightsMetrics.SOON.toDays()),
                        "/admin/requests?due=soon"),
                new Attention(
                        notices.tasks(sites).size(),
                        words.get("console.attention.recipientTasks"),
                        "/admin/requests#tasks"));
    }
}
