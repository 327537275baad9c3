package dev.steward.newsletter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of tracking: pseudonyms, their link to a subscription (the only link to a person), their events while the
 * link lasts, and the anonymous tally that remains when it is cut.
 */
@Repository
class TrackingRepository {

    /** The tally's position for opens, and for "clicked any link" (people who clicked, whichever links). */
    static final int OPENS = -1;

    static final int ANY_CLICK = -2;

    private final JdbcClient jdbc;

    TrackingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pseudonym of each subscription, made where there is none yet; by the address's blind index as hex. */
    Map<String, byte[]> pseudonyms(
            String site, String list, List<byte[]> emailIndexes, List<byte[]> fresh, Instant at) {
        jdbc.sql("""
                        INSERT INTO tracking_pseudonym (pseudonym, email_index, site, list, created_at)
                        SELECT p.pseudonym, p.email_index, :site, :list, :at FROM unnest(:fresh, :indexes)
                            AS p(pseudonym, email_index)
                        ON CONFLICT (email_index, site, list) DO NOTHING
                        """)
                .param("site", site)
                .param("list", list)
                .param("fresh", fresh.toArray(byte[][]::new))
                .param("indexes", emailIndexes.toArray(byte[][]::new))
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        Map<String, byte[]> pseudonyms = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT email_index, pseudonym FROM tracking_pseudonym
                        WHERE site = :site AND list = :list AND email_index = ANY(:indexes)
                        """)
                .param("site", site)
                .param("list", list)
                .param("indexes", emailIndexes.toArray(byte[][]::new))
                .query(rs -> {
                    pseudonyms.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getBytes(2));
                });
        return pseudonyms;
    }

    /** The address (its blind index) of the subscription to the list on the site that the pseudonym is linked to. */
    Optional<byte[]> linked(byte[] pseudonym, String site, String list) {
        return jdbc.sql("""
                        SELECT email_index FROM tracking_pseudonym
                        WHERE pseudonym = :pseudonym AND site = :site AND list = :list
                        """)
                .param("pseudonym", pseudonym)
                .param("site", site)
                .param("list", list)
                .query(byte[].class)
                .optional();
    }

    /** An open ({@link #OPENS}) or a click on the link at a position. */
    void event(UUID campaign, byte[] pseudonym, int link, Instant at) {
        jdbc.sql("""
                        INSERT INTO tracking_event (campaign_id, pseudonym, link_no, occurred_at)
                        VALUES (:campaign, :pseudonym, :link, :at)
                        """)
                .param("campaign", campaign)
                .param("pseudonym", pseudonym)
                .param("link", link < 0 ? null : link)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * The opens (no link) and clicks (the campaign's link) recorded while these addresses' subscriptions on the sites
     * are linked to their pseudonyms, oldest first; the address as the blind index in hex.
     */
    List<NewsletterHistory.Event> eventsOf(List<byte[]> emailIndexes, Collection<String> sites) {
        return jdbc.sql("""
                        SELECT e.campaign_id, p.email_index, e.occurred_at,
                               CASE WHEN e.link_no IS NULL THEN NULL ELSE c.links[e.link_no + 1] END AS link
                        FROM tracking_event e
                        JOIN tracking_pseudonym p ON p.pseudonym = e.pseudonym
                        JOIN campaign c ON c.id = e.campaign_id
                        WHERE p.email_index = ANY(:indexes) AND p.site = ANY(:sites)
                        ORDER BY e.occurred_at
                        """)
                .param("indexes", emailIndexes.toArray(byte[][]::new))
                .param("sites", sites.toArray(String[]::new))
                .query((rs, row) -> new NewsletterHistory.Event(
                        rs.getObject("campaign_id", UUID.class),
                        HexFormat.of().formatHex(rs.getBytes("email_index")),
                        rs.getString("link"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Cuts the link of the address's subscriptions on the site (one list, or all when {@code list} is null; on every
     * site when {@code site} is null too) and turns
     * their events into anonymous counts: per campaign and link, with how many people; nothing else remains.
     */
    void anonymise(byte[] emailIndex, @Nullable String site, @Nullable String list) {
        jdbc.sql("""
                        WITH gone AS (
                            DELETE FROM tracking_pseudonym
                            WHERE email_index = :index AND (CAST(:site AS TEXT) IS NULL OR site = :site)
                              AND (CAST(:list AS TEXT) IS NULL OR list = :list)
                            RETURNING pseudonym),
                        events AS (
                            DELETE FROM tracking_event WHERE pseudonym IN (SELECT pseudonym FROM gone)
                            RETURNING campaign_id, coalesce(link_no, :opens) AS link_no, pseudonym),
                        counted AS (
                            SELECT campaign_id, link_no, count(*) AS events, count(DISTINCT pseudonym) AS people
                            FROM events GROUP BY campaign_id, link_no
                            UNION ALL
                            SELECT campaign_id, :anyClick, count(*), count(DISTINCT pseudonym)
                            FROM events WHERE link_no >= 0 GROUP BY campaign_id)
                        INSERT INTO tracking_tally AS t (campaign_id, link_no, events, people)
                        SELECT campaign_id, link_no, events, people FROM counted
                        ON CONFLICT (campaign_id, link_no)
                        DO UPDATE SET events = t.events + excluded.events, people = t.people + excluded.people
                        """)
                .param("index", emailIndex)
                .param("site", site)
                .param("list", list)
                .param("opens", OPENS)
                .param("anyClick", ANY_CLICK)
                .update();
    }

    /**
     * People who opened, clicked any link, and clicked each link (by position): while linked counted by distinct
     * pseudonym, afterwards from the tally.
     */
    Map<Integer, Long> people(UUID campaign) {
        Map<Integer, Long> people = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT link_no, sum(people) AS people FROM (
                            SELECT coalesce(link_no, :opens) AS link_no, count(DISTINCT pseudonym) AS people
                            FROM tracking_event WHERE campaign_id = :campaign GROUP BY 1
                            UNION ALL
                            SELECT :anyClick, count(DISTINCT pseudonym) FROM tracking_event
                            WHERE campaign_id = :campaign AND link_no IS NOT NULL
                            UNION ALL
                            SELECT link_no, people FROM tracking_tally WHERE campaign_id = :campaign) counts
                        GROUP BY link_no ORDER BY link_no
                        """)
                .param("campaign", campaign)
                .param("opens", OPENS)
                .param("anyClick", ANY_CLICK)
                .query(rs -> {
                    people.put(rs.getInt("link_no"), rs.getLong("people"));
                });
        return people;
    }
}
