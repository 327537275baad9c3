package dev.steward.weblog;

import dev.steward.retention.ExpiringData;
import dev.steward.vault.DueCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The request log's part in the retention sweep. Sessions idle for the session window have ended: their rows lose
 * the keyed hashes of the full IP address and keep only its /24 or /48 network (catalog rule {@code session-end}).
 * Rows older than the keeping period are deleted. Counts go on the certificate under the site's log activity.
 */
@Component
class RequestLogExpiry implements ExpiringData {

    private final RequestLogRepository repository;
    private final LogActivities activities;
    private final WeblogSettings settings;

    RequestLogExpiry(RequestLogRepository repository, LogActivities activities, WeblogSettings settings) {
        this.repository = repository;
        this.activities = activities;
        this.settings = settings;
    }

    @Override
    public Expired expire(Instant now, int limit) {
        List<RequestLogRepository.EndedSession> ended = repository.claimIdle(now.minus(settings.sessionIdle()), limit);
        Map<String, Long> counts = new TreeMap<>();
        for (RequestLogRepository.EndedSession session : ended) {
            counts.merge(label(session.site(), "sessions ended, full IP addresses removed"), 1L, Long::sum);
        }
        if (!ended.isEmpty()) {
            repository.forget(
                    ended.stream().map(RequestLogRepository.EndedSession::key).toList());
        }
        List<String> deleted = repository.deleteOlderThan(now.minus(settings.keep()), limit);
        deleted.forEach(site -> counts.merge(label(site, "rows deleted after " + settings.keep()), 1L, Long::sum));
        return new Expired(Math.max(ended.size(), deleted.size()), counts);
    }

    @Override
    public List<DueCount> dueCounts(List<Instant> bounds) {
        return repository.sessionsEnding(bounds, settings.sessionIdle(), activities.all());
    }

    /** {@code olympus-ims/site-log-files: sessions ended ...}: the site first, as certificates are read per site. */
    private String label(String site, String what) {
        String activity =
                activities.of(site).map(LogActivities.LogActivity::activity).orElse("request-log");
        return site + "/" + activity + ": " + what;
    }
}
