package dev.steward.rights;

import dev.steward.platform.GaugeFamily;
import dev.steward.platform.ScrapedState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rights requests awaiting an answer, per site and type (catalog keys): {@code steward.rights.requests.open}, those
 * due within seven days ({@code steward.rights.requests.due.soon}, not yet overdue) and those past their deadline,
 * extensions included ({@code steward.rights.requests.overdue}). Read from the database at each scrape.
 */
@Component
class RightsMetrics implements ScrapedState {

    static final Duration SOON = Duration.ofDays(7);

    private final RequestRepository requests;
    private final Clock clock;
    private final GaugeFamily open;
    private final GaugeFamily dueSoon;
    private final GaugeFamily overdue;

    RightsMetrics(RequestRepository requests, Clock clock, MeterRegistry registry) {
        this.requests = requests;
        this.clock = clock;
        this.open = new GaugeFamily(
                registry,
                "steward.rights.requests.open",
                "Verified rights requests awaiting an answer",
                "site",
                "type");
        this.dueSoon = new GaugeFamily(
                registry,
                "steward.rights.requests.due.soon",
                "Open rights requests due within 7 days and not yet overdue",
                "site",
                "type");
        this.overdue = new GaugeFamily(
                registry,
                "steward.rights.requests.overdue",
                "Open rights requests past their deadline",
                "site",
                "type");
    }

    @Override
    public void refresh() {
        Instant now = clock.instant();
        Map<List<String>, Long> all = new HashMap<>();
        Map<List<String>, Long> soon = new HashMap<>();
        Map<List<String>, Long> late = new HashMap<>();
        for (RequestRepository.OpenCount count : requests.openCounts(now, now.plus(SOON))) {
            List<String> key = List.of(count.site(), count.type());
            all.put(key, count.open());
            soon.put(key, count.dueSoon());
            late.put(key, count.overdue());
        }
        open.update(all);
        dueSoon.update(soon);
        overdue.update(late);
    }
}
