package dev.steward.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the outbound queue. An item is claimed when it is due and not leased, or leased by a node that died (its
 * lease ended); the lease id fences a node whose lease passed to another from settling what it no longer holds.
 *
 * <p>WHY the lease's end in a column of its own ({@code leased_until}) rather than in {@code due_at}, which the queue's
 * index orders: a claim then changes no indexed column, so PostgreSQL updates the row in place on its page (a HOT
 * update, which the table's fillfactor leaves room for) instead of writing a new entry into both indexes for every
 * item claimed. A claim passes over the items other workers hold (at most their chunks), which costs less.
 */
@Repository
class OutboundQueue {

    /** Items queued at once from which the queue's statistics are renewed in the same transaction. */
    private static final int BULK = 1_000;

    private final JdbcClient jdbc;

    OutboundQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String job, UUID item, Instant due) {
        jdbc.sql("""
                        INSERT INTO outbound_item (job, item, due_at, first_due_at) VALUES (:job, :item, :due, :due)
                        ON CONFLICT (job, item) DO NOTHING
                        """)
                .param("job", job)
                .param("item", item)
                .param("due", utc(due))
                .update();
    }

    void insertAll(String job, Collection<UUID> items, Instant due) {
        jdbc.sql("""
                        INSERT INTO outbound_item (job, item, due_at, first_due_at)
                        SELECT :job, item, :due, :due FROM unnest(:items) AS item
                        ON CONFLICT (job, item) DO NOTHING
                        """)
                .param("job", job)
                .param("items", items.toArray(UUID[]::new))
                .param("due", utc(due))
                .update();
        if (items.size() >= BULK) {
            // a queue that was drained is known to the planner as empty until autovacuum analyses it again, up to a
            // minute later: meanwhile every claim joins the new items against a full scan (4.4 s a claim of 200 among
            // 100,000, measured), so the statistics are brought up to date before the items can be claimed
            jdbc.sql("ANALYZE outbound_item").update();
        }
    }

    /** Takes back those of the items that no node holds at the moment; answers which. */
    List<UUID> withdraw(String job, Collection<UUID> items) {
        return jdbc.sql("""
                        DELETE FROM outbound_item WHERE job = :job AND item = ANY(:items) AND lease_id IS NULL
                        RETURNING item
                        """)
                .param("job", job)
                .param("items", items.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * Leases up to {@code limit} due items to the node. An item still leased here was left by a node that stopped: if
     * its attempt had started, that attempt counts, as an interrupted one; if not, it is untried work as before.
     *
     * <p>WHY the rows are updated by their address ({@code ctid}) rather than joined back by key: the join descended
     * the key's index once an item for rows the scan had just locked (claim 3.1 against 1.7 ms, 1,418 against 1,029
     * buffers, bench/README.md, campaign8). The outer conditions repeat the scan's, so a row changed between the two is
     * left, never misclaimed: one that another transaction rescheduled meanwhile stays for the next claim.
     */
    List<OutboundItem> claim(String job, Instant now, int limit, UUID lease, String node, Instant until) {
        return jdbc.sql("""
                        UPDATE outbound_item o
                        SET interrupted = o.interrupted + (o.lease_id IS NOT NULL AND o.started)::int,
                            attempts = o.attempts + (o.lease_id IS NOT NULL AND o.started)::int,
                            started = false, lease_id = :lease, leased_by = :node, leased_until = :until
                        WHERE o.ctid = ANY(ARRAY(
                                SELECT ctid FROM outbound_item
                                WHERE job = :job AND due_at <= :now AND (leased_until IS NULL OR leased_until <= :now)
                                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED))
                            AND o.job = :job AND o.due_at <= :now AND (o.leased_until IS NULL OR o.leased_until <= :now)
                        RETURNING o.item, o.attempts, o.interrupted
                        """)
                .param("job", job)
                .param("now", utc(now))
                .param("limit", limit)
                .param("lease", lease)
                .param("node", node)
                .param("until", utc(until))
                .query((rs, row) -> new OutboundItem(
                        rs.getObject("item", UUID.class), rs.getInt("attempts"), rs.getInt("interrupted")))
                .list();
    }

    /**
     * Marks the items' attempt as started, before any of them goes out: those this lease still holds only, which it
     * answers. Runs in a transaction of its own, committed before the items go, so that a crash after it counts them as
     * interrupted.
     */
    List<UUID> start(String job, UUID lease, List<UUID> items) {
        return jdbc.sql("""
                        UPDATE outbound_item SET started = true
                        WHERE job = :job AND lease_id = :lease AND item = ANY(:items)
                        RETURNING item
                        """)
                .param("job", job)
                .param("lease", lease)
                .param("items", items.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * Takes the items out of the queue, those this lease still holds only; answers which. The row locks it takes last
     * until the settling transaction ends.
     */
    List<UUID> remove(String job, UUID lease, Collection<UUID> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "DELETE FROM outbound_item WHERE job = :job AND lease_id = :lease AND item = ANY(:items) RETURNING item")
                .param("job", job)
                .param("lease", lease)
                .param("items", items.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /**
     * Gives each item back to the queue, due at its time, with its count of attempts; those this lease still holds
     * only. Answers which.
     */
    List<UUID> reschedule(String job, UUID lease, List<Due> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        UPDATE outbound_item o SET due_at = d.due, attempts = d.attempts,
                            lease_id = NULL, leased_by = NULL, leased_until = NULL
                        FROM unnest(:items, CAST(:dues AS TIMESTAMPTZ[]), :attempts) AS d(item, due, attempts)
                        WHERE o.job = :job AND o.lease_id = :lease AND o.item = d.item
                        RETURNING o.item
                        """)
                .param("job", job)
                .param("lease", lease)
                .param("items", items.stream().map(Due::item).toArray(UUID[]::new))
                .param("dues", items.stream().map(due -> due.at().toString()).toArray(String[]::new))
                .param("attempts", items.stream().map(Due::attempts).toArray(Integer[]::new))
                .query(UUID.class)
                .list();
    }

    record Due(UUID item, Instant at, int attempts) {}

    /** Per job, the items not yet delivered and when the oldest of them was first due. */
    List<Backlog> backlog() {
        return jdbc.sql("SELECT job, count(*) AS items, min(first_due_at) AS oldest FROM outbound_item GROUP BY job")
                .query((rs, row) -> new Backlog(
                        rs.getString("job"),
                        rs.getLong("items"),
                        rs.getObject("oldest", OffsetDateTime.class).toInstant()))
                .list();
    }

    record Backlog(String job, long items, Instant oldest) {}

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
