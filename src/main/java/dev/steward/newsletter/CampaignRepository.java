package dev.steward.newsletter;

import dev.steward.mail.MailKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of campaigns. Status changes name the statuses they may leave, so two nodes cannot both make one. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign campaign) {
        jdbc.sql("""
                        INSERT INTO campaign (id, site, kind, purpose, subject_line, body, links, status, scheduled_at,
                            created_by, created_at, updated_at)
                        VALUES (:id, :site, :kind, :purpose, :subjectLine, :body, :links, :status, :scheduledAt,
                            :createdBy, :createdAt, :createdAt)
                        """)
                .param("id", campaign.id())
                .param("site", campaign.site())
                .param("kind", kind(campaign.kind()))
                .param("purpose", campaign.purpose())
                .param("subjectLine", campaign.subjectLine())
                .param("body", campaign.body())
                .param("links", campaign.links().toArray(String[]::new))
                .param("status", campaign.status().key())
                .param("scheduledAt", utc(campaign.scheduledAt()))
                .param("createdBy", campaign.createdBy())
                .param("createdAt", utc(campaign.createdAt()))
                .update();
    }

    /** Changes a draft's content; answers false when it is no longer a draft. */
    boolean updateDraft(UUID id, String subjectLine, String body, List<String> links, Instant at) {
        return jdbc.sql("""
                                UPDATE campaign SET subject_line = :subjectLine, body = :body, links = :links,
                                    updated_at = :at
                                WHERE id = :id AND status = 'draft'
                                """)
                        .param("id", id)
                        .param("subjectLine", subjectLine)
                        .param("body", body)
                        .param("links", links.toArray(String[]::new))
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("SELECT * FROM campaign WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> campaign(rs))
                .optional();
    }

    /** The campaigns of the sites (none: every site), optionally of one, newest first. */
    List<Campaign> list(Collection<String> sites, @Nullable String site, int limit) {
        return jdbc.sql("""
                        SELECT * FROM campaign
                        WHERE (CAST(:site AS TEXT) IS NULL OR site = :site) AND (:everySite OR site = ANY(:sites))
                        ORDER BY created_at DESC, id LIMIT :limit
                        """)
                .param("site", site)
                .param("everySite", sites.isEmpty())
                .param("sites", sites.toArray(String[]::new))
                .param("limit", limit)
                .query((rs, row) -> campaign(rs))
                .list();
    }

    /** Moves the campaign from one of the given statuses to another; answers false if it was in none of them. */
    boolean move(
            UUID id, Collection<CampaignStatus> from, CampaignStatus to, @Nullable Instant scheduledAt, Instant at) {
        return jdbc.sql("""
                                UPDATE campaign SET status = :to, updated_at = :at,
                                    scheduled_at = CASE WHEN :to = 'scheduled' THEN :scheduledAt ELSE scheduled_at END,
                                    finished_at = CASE WHEN :to IN ('cancelled', 'sent') THEN :at ELSE finished_at END
                                WHERE id = :id AND status = ANY(:from)
                                """)
                        .param("id", id)
                        .param("from", from.stream().map(CampaignStatus::key).toArray(String[]::new))
                        .param("to", to.key())
                        .param("scheduledAt", utc(scheduledAt))
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** The campaigns' statuses, their rows kept from changing until the caller's transaction ends. */
    Map<UUID, CampaignStatus> statusesLocked(Collection<UUID> ids) {
        Map<UUID, CampaignStatus> statuses = new HashMap<>();
        jdbc.sql("SELECT id, status FROM campaign WHERE id = ANY(:ids) ORDER BY id FOR SHARE")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    statuses.put(rs.getObject("id", UUID.class), CampaignStatus.ofKey(rs.getString("status")));
                });
        return statuses;
    }

    /** Takes one scheduled campaign whose time has come and marks it sending; another node skips it. */
    Optional<Campaign> startDue(Instant now) {
        return jdbc.sql("""
                        UPDATE campaign SET status = 'sending', started_at = :now, updated_at = :now
                        WHERE id = (SELECT id FROM campaign WHERE status = 'scheduled' AND scheduled_at <= :now
                                    ORDER BY scheduled_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *
                        """)
                .param("now", utc(now))
                .query((rs, row) -> campaign(rs))
                .optional();
    }

    void recipients(UUID id, int recipients) {
        jdbc.sql("UPDATE campaign SET recipients = :recipients WHERE id = :id")
                .param("id", id)
                .param("recipients", recipients)
                .update();
    }

    /** Every sending campaign none of whose messages waits any more becomes sent; answers how many. */
    int finishDone(Instant now) {
        return jdbc.sql("""
                        UPDATE campaign c SET status = 'sent', finished_at = :now, updated_at = :now
                        WHERE c.status = 'sending' AND NOT EXISTS (
                            SELECT 1 FROM campaign_message m
                            WHERE m.campaign_id = c.id AND m.status IN ('queued', 'held'))
                        """).param("now", utc(now)).update();
    }

    /** The anonymous figures a campaign keeps beside its messages' statuses: they outlive the messages. */
    enum Counter {
        COMPLAINTS,
        UNSUBSCRIBED
    }

    void count(UUID id, Counter counter) {
        String column = counter.name().toLowerCase(Locale.ROOT);
        jdbc.sql("UPDATE campaign SET " + column + " = " + column + " + 1 WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("site"),
                MailKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("purpose"),
                rs.getString("subject_line"),
                rs.getString("body"),
                strings(rs.getArray("links")),
                CampaignStatus.ofKey(rs.getString("status")),
                instant(rs.getObject("scheduled_at", OffsetDateTime.class)),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                instant(rs.getObject("started_at", OffsetDateTime.class)),
                instant(rs.getObject("finished_at", OffsetDateTime.class)),
                rs.getInt("recipients"),
                rs.getInt("complaints"),
                rs.getInt("unsubscribed"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    static String kind(MailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
