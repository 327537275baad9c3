package dev.steward.weblog;

import dev.steward.platform.IpAddresses;
import dev.steward.vault.Pseudonyms;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steward's own request log (seed 001 §3.1), for security and aggregate statistics only, with no link to any data
 * subject or record. Requests are kept in memory for about a second and written in one statement per batch, so
 * logging never makes a page wait for the database. The full IP address is never written: only its /24 or /48
 * network, and during the visitor's session two keyed hashes of it (to tell visits apart and to count an address's
 * requests for rate limiting), which the retention sweep drops when the session ends.
 */
@Service
public class RequestLog implements DisposableBean {

    static final String IP_DOMAIN = "request-log-ip";
    static final String SESSION_DOMAIN = "request-log-session";
    private static final HexFormat HEX = HexFormat.of();

    private final RequestLogRepository repository;
    private final LogActivities activities;
    private final Pseudonyms pseudonyms;
    private final WeblogSettings settings;
    private final TransactionTemplate transaction;
    private final MeterRegistry metrics;
    private final Clock clock;
    /**
     * Lock-free, because every request to a logged site adds to it: an {@code ArrayBlockingQueue}'s one lock had the
     * request threads queue behind each other under load. Bounded by {@link #buffered}.
     */
    private final ConcurrentLinkedQueue<LoggedRequest> buffer = new ConcurrentLinkedQueue<>();

    private final AtomicInteger buffered = new AtomicInteger();
    /** The counters per site and outcome, looked up once rather than by name and tags on every request. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RequestLog(
            RequestLogRepository repository,
            LogActivities activities,
            Pseudonyms pseudonyms,
            WeblogSettings settings,
            TransactionTemplate transaction,
            MeterRegistry metrics,
            Clock clock) {
        this.repository = repository;
        this.activities = activities;
        this.pseudonyms = pseudonyms;
        this.settings = settings;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * How many requests the IP address made within the window, on any site: for rate limiting and spotting misuse.
     * Only requests within the address's live sessions count; after a session its address is gone. Waits for a flush
     * under way, which holds requests that are no longer in the buffer but not yet committed.
     */
    public synchronized long recentRequests(String ip, Duration window) {
        byte[] key = pseudonyms.of(IP_DOMAIN, ip);
        Instant since = clock.instant().minus(window);
        long buffered = buffer.stream()
                .filter(request ->
                        Arrays.equals(key, request.ipKey()) && request.at().isAfter(since))
                .count();
        return buffered + repository.requestsSince(key, since);
    }

    /** Whether requests to the site are logged: its catalog declares a request-log activity. */
    boolean logs(String site) {
        return activities.of(site).isPresent();
    }

    /** Notes a request to the site, keeping only what the site's log activity declares. */
    void record(String site, HttpServletRequest request) {
        LogActivities.LogActivity log = activities.of(site).orElseThrow();
        String ip = request.getRemoteAddr();
        String userAgentHeader = request.getHeader("User-Agent");
        UserAgent agent = UserAgents.parse(userAgentHeader);
        boolean keepsIp = log.collects("ipAddress");
        LoggedRequest logged = new LoggedRequest(
                site,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                keepsIp ? IpAddresses.truncate(ip) : null,
                keepsIp ? pseudonyms.of(IP_DOMAIN, ip) : null,
                keepsIp ? pseudonyms.of(SESSION_DOMAIN, site + "\n" + ip + "\n" + userAgentHeader) : null,
                log.collects("browser") ? agent.browser() : null,
                log.collects("browser") ? agent.version() : null,
                log.collects("device") ? agent.device() : null,
                log.collects("operatingSystem") ? agent.operatingSystem() : null,
                log.collects("country") ? RequestDetails.country(request) : null,
                log.collects("cityOfAccess") ? RequestDetails.city(request) : null,
                log.collects("language") ? RequestDetails.language(request) : null,
                log.collects("referrer") ? RequestDetails.referrerHost(request) : null);
        String outcome;
        if (buffered.getAndIncrement() < settings.buffer()) {
            buffer.add(logged);
            outcome = "steward.weblog.requests";
        } else {
            buffered.decrementAndGet();
            outcome = "steward.weblog.dropped";
        }
        counters.computeIfAbsent(outcome + '\u0000' + site, ignored -> metrics.counter(outcome, "site", site))
                .increment();
    }

    /**
     * Writes what is buffered: ends sessions idle too long, starts or extends the others, inserts the rows. One write
     * at a time, so that when it returns, every request noted before the call is in the database.
     */
    synchronized void flush() {
        List<LoggedRequest> batch = new ArrayList<>();
        for (LoggedRequest request = buffer.poll(); request != null; request = buffer.poll()) {
            batch.add(request);
            buffered.decrementAndGet();
        }
        if (!batch.isEmpty()) {
            transaction.executeWithoutResult(status -> write(batch));
        }
    }

    private void write(List<LoggedRequest> batch) {
        Map<String, List<Integer>> bySession = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            byte[] key = batch.get(i).sessionKey();
            if (key != null) {
                bySession
                        .computeIfAbsent(HEX.formatHex(key), ignored -> new ArrayList<>())
                        .add(i);
            }
        }
        boolean[] visitStarts = new boolean[batch.size()];
        if (!bySession.isEmpty()) {
            // one order for every node's writes, so two nodes touching the same sessions cannot deadlock
            List<String> keys = bySession.keySet().stream().sorted().toList();
            Instant earliest = batch.stream()
                    .map(LoggedRequest::at)
                    .min(Instant::compareTo)
                    .orElseThrow();
            repository.endIdle(keys.stream().map(HEX::parseHex).toList(), earliest.minus(settings.sessionIdle()));
            List<RequestLogRepository.SessionSpan> spans = keys.stream()
                    .map(key -> span(
                            key, bySession.get(key).stream().map(batch::get).toList()))
                    .toList();
            for (String started : repository.touch(spans)) {
                visitStarts[bySession.get(started).get(0)] = true;
            }
        }
        repository.insert(batch, visitStarts);
    }

    private static RequestLogRepository.SessionSpan span(String key, List<LoggedRequest> requests) {
        Instant first =
                requests.stream().map(LoggedRequest::at).min(Instant::compareTo).orElseThrow();
        Instant last =
                requests.stream().map(LoggedRequest::at).max(Instant::compareTo).orElseThrow();
        return new RequestLogRepository.SessionSpan(
                HEX.parseHex(key), requests.get(0).site(), first, last);
    }

    @Override
    public void destroy() {
        flush();
    }
}
