package dev.steward.weblog;

import dev.steward.vault.DueCount;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL for the request log and its live sessions. Batches travel as arrays, one statement each; keyed hashes as
 * hex text, decoded in the database.
 */
@Repository
class RequestLogRepository {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;

    RequestLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A session's requests in one write: its key, site, first and last request. */
    record SessionSpan(byte[] key, String site, Instant first, Instant last) {}

    /**
     * Ends the given sessions that were idle since the cutoff (a visitor came back after the session window, before
     * the sweep ended their session): their rows lose the full-IP hashes now, before a new session starts.
     */
    int endIdle(List<byte[]> keys, Instant cutoff) {
        List<String> ended = jdbc.sql("""
                        DELETE FROM request_session
                         WHERE session_key = ANY(CAST(:keys AS bytea[])) AND last_seen <= :cutoff
                        RETURNING encode(session_key, 'hex')
                        """)
                .param("keys", hexArray(keys))
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .query(String.class)
                .list();
        return ended.isEmpty() ? 0 : forget(ended);
    }

    /** Starts or extends each session; answers the keys of the sessions that started here (new visits). */
    Set<String> touch(List<SessionSpan> spans) {
        return Set.copyOf(jdbc
                .sql("""
                        INSERT INTO request_session (session_key, site, started_at, last_seen)
                        SELECT decode(k, 'hex'), s, f, l
                          FROM unnest(CAST(:keys AS text[]), CAST(:sites AS text[]), CAST(:firsts AS timestamptz[]),
                                      CAST(:lasts AS timestamptz[])) AS t(k, s, f, l)
                        ON CONFLICT (session_key) DO UPDATE
                           SET last_seen = GREATEST(request_session.last_seen, EXCLUDED.last_seen)
                        RETURNING encode(session_key, 'hex') AS session_key, (xmax = 0) AS started
                        """)
                .param(
                        "keys",
                        spans.stream().map(span -> HEX.formatHex(span.key())).toArray(String[]::new))
                .param("sites", spans.stream().map(SessionSpan::site).toArray(String[]::new))
                .param(
                        "firsts",
                        spans.stream().map(span -> span.first().toString()).toArray(String[]::new))
                .param(
                        "lasts",
                        spans.stream().map(span -> span.last().toString()).toArray(String[]::new))
                .query((rs, row) -> rs.getBoolean("started") ? rs.getString("session_key") : "")
                .list()
                .stream()
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toSet()));
    }

    void insert(List<LoggedRequest> requests, boolean[] visitStarts) {
        int n = requests.size();
        String[][] columns = new String[13][n];
        for (int i = 0; i < n; i++) {
            LoggedRequest request = requests.get(i);
            columns[0][i] = request.site();
            columns[1][i] = request.at().toString();
            columns[2][i] = request.ipTruncated();
            columns[3][i] = hex(request.ipKey());
            columns[4][i] = hex(request.sessionKey());
            columns[5][i] = request.browser();
            columns[6][i] = request.browserVersion();
            columns[7][i] = request.device();
            columns[8][i] = request.operatingSystem();
            columns[9][i] = request.country();
            columns[10][i] = request.city();
            columns[11][i] = request.language();
            columns[12][i] = request.referrerHost();
        }
        Boolean[] starts = new Boolean[n];
        for (int i = 0; i < n; i++) {
            starts[i] = visitStarts[i];
        }
        JdbcClient.StatementSpec statement = jdbc.sql("""
                INSERT INTO request_log (site, at, ip_truncated, ip_key, session_key, browser, browser_version, device,
                    operating_system, country, city, language, referrer_host, visit_start)
                SELECT c0, CAST(c1 AS timestamptz), c2, decode(c3, 'hex'), decode(c4, 'hex'), c5, c6, c7, c8, c9, c10,
                       c11, c12, v
                  FROM unnest(CAST(:c0 AS text[]), CAST(:c1 AS text[]), CAST(:c2 AS text[]), CAST(:c3 AS text[]),
                              CAST(:c4 AS text[]), CAST(:c5 AS text[]), CAST(:c6 AS text[]), CAST(:c7 AS text[]),
                              CAST(:c8 AS text[]), CAST(:c9 AS text[]), CAST(:c10 AS text[]), CAST(:c11 AS text[]),
                              CAST(:c12 AS text[]), CAST(:v AS boolean[]))
                       AS t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, v)
                """);
        for (int c = 0; c < columns.length; c++) {
            statement = statement.param("c" + c, columns[c]);
        }
        statement.param("v", starts).update();
    }

    /** A session that ended: its site and the hex of its key. */
    record EndedSession(String site, String key) {}

    /** Ends up to {@code limit} sessions idle since the cutoff, skipping those another node is ending. */
    List<EndedSession> claimIdle(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM request_session WHERE session_key IN (
                            SELECT session_key FROM request_session WHERE last_seen <= :cutoff
                             ORDER BY last_seen LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING site, encode(session_key, 'hex')
                        """)
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new EndedSession(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Drops the full-IP hashes from the ended sessions' rows; answers how many rows lost them. */
    int forget(List<String> sessionKeys) {
        return jdbc.sql("""
                        UPDATE request_log SET session_key = NULL, ip_key = NULL
                         WHERE session_key = ANY(CAST(:keys AS bytea[]))
                        """)
                .param("keys", sessionKeys.stream().map(key -> "\\x" + key).toArray(String[]::new))
                .update();
    }

    /** Deletes up to {@code limit} rows older than the cutoff, oldest first; answers the site of each. */
    List<String> deleteOlderThan(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM request_log WHERE id IN (
                            SELECT id FROM request_log WHERE at < :cutoff ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING site
                        """)
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    long requestsSince(byte[] ipKey, Instant since) {
        return jdbc.sql("SELECT count(*) FROM request_log WHERE ip_key = :key AND at > :since")
                .param("key", ipKey)
                .param("since", since.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** Live sessions per site, counted by when they end if no request comes: up to each bound, after the last. */
    List<DueCount> sessionsEnding(List<Instant> bounds, Duration idle, Map<String, LogActivities.LogActivity> logs) {
        StringBuilder sql = new StringBuilder("SELECT site");
        for (int i = 0; i <= bounds.size(); i++) {
            String lower = i == 0 ? "TRUE" : "last_seen + CAST(:idle AS interval) > :b" + (i - 1);
            String upper = i == bounds.size() ? "TRUE" : "last_seen + CAST(:idle AS interval) <= :b" + i;
            sql.append(", count(*) FILTER (WHERE ")
                    .append(lower)
                    .append(" AND ")
                    .append(upper)
                    .append(")");
        }
        sql.append(" FROM request_session GROUP BY site ORDER BY site");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("idle", idle.toString());
        for (int i = 0; i < bounds.size(); i++) {
            statement = statement.param("b" + i, bounds.get(i).atOffset(ZoneOffset.UTC));
        }
        return statement
                .query((rs, row) -> {
                    String site = rs.getString(1);
                    List<Long> counts = new ArrayList<>();
                    for (int i = 0; i <= bounds.size(); i++) {
                        counts.add(rs.getLong(2 + i));
                    }
                    LogActivities.LogActivity log = logs.get(site);
                    return log == null ? null : new DueCount(site, log.activity(), log.retentionRule(), counts, 0);
                })
                .list()
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    /** One statistics table: per value of the dimension, visits started and requests. */
    List<Statistics.Cell> count(Statistics.Dimension dimension, List<String> sites, Instant from, Instant to) {
        return jdbc.sql("SELECT " + dimension.expression() + """
                         AS value, count(*) FILTER (WHERE visit_start) AS visits, count(*) AS requests
                          FROM request_log
                         WHERE site = ANY(:sites) AND at >= :from AND at < :to
                         GROUP BY 1 ORDER BY 1
                        """)
                .param("sites", sites.toArray(String[]::new))
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Statistics.Cell(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private static String[] hexArray(List<byte[]> keys) {
        return keys.stream().map(key -> "\\x" + HEX.formatHex(key)).toArray(String[]::new);
    }

    private static @Nullable String hex(byte @Nullable [] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
