package dev.steward.newsletter;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of campaign messages, in batches: a campaign has as many as its list has people. */
@Repository
class CampaignMessageRepository {

    /** Stands for "nobody" once the person a message went to was erased: the row stays, as a count. */
    static final SubjectId NOBODY = new SubjectId(new UUID(0, 0));

    /** Messages queued at once from which the table's statistics are renewed in the same transaction. */
    private static final int BULK = 1_000;

    private final JdbcClient jdbc;

    CampaignMessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the campaign's messages, queued; a second one for an address already addressed is left out. */
    void insertQueued(UUID campaign, List<UUID> ids, List<byte[]> emailIndexes, List<SubjectId> subjects) {
        jdbc.sql("""
                        INSERT INTO campaign_message (id, campaign_id, email_index, subject_id, status)
                        SELECT m.id, :campaign, m.email_index, m.subject_id, 'queued'
                        FROM unnest(:ids, :indexes, :subjects) AS m(id, email_index, subject_id)
                        ON CONFLICT (campaign_id, email_index) DO NOTHING
                        """)
                .param("campaign", campaign)
                .param("ids", ids.toArray(UUID[]::new))
                .param("indexes", emailIndexes.toArray(byte[][]::new))
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .update();
        if (ids.size() >= BULK) {
            // the planner would otherwise see the table as it was before the campaign, when every chunk of it is
            // looked up and settled by id, until autovacuum analyses it again
            jdbc.sql("ANALYZE campaign_message").update();
        }
    }

    List<CampaignMessage> find(Collection<UUID> ids) {
        return jdbc.sql("SELECT * FROM campaign_message WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, row) -> message(rs))
                .list();
    }

    Optional<CampaignMessage> find(UUID id) {
        return find(List.of(id)).stream().findFirst();
    }

    /** What became of messages after an attempt, one statement for the batch. */
    void settle(List<Settled> settled) {
        if (settled.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE campaign_message m SET status = s.status, reason = s.reason, tracked = s.tracked,
                            attempts = s.attempts, sent_at = s.sent_at
                        FROM unnest(:ids, :statuses, :reasons, :tracked, :attempts, CAST(:sentAt AS TIMESTAMPTZ[]))
                            AS s(id, status, reason, tracked, attempts, sent_at)
                        WHERE m.id = s.id
                        """)
                .param("ids", settled.stream().map(Settled::id).toArray(UUID[]::new))
                .param("statuses", settled.stream().map(s -> s.status().key()).toArray(String[]::new))
                .param("reasons", settled.stream().map(Settled::reason).toArray(String[]::new))
                .param("tracked", settled.stream().map(Settled::tracked).toArray(Boolean[]::new))
                .param("attempts", settled.stream().map(Settled::attempts).toArray(Integer[]::new))
                .param("sentAt", settled.stream().map(Settled::sentAtText).toArray(String[]::new))
                .update();
    }

    /** A message's new state, as {@link #settle} writes it. */
    record Settled(
            UUID id,
            MessageStatus status,
            @Nullable String reason,
            boolean tracked,
            int attempts,
            @Nullable Instant sentAt) {

        @Nullable
        String sentAtText() {
            return sentAt == null ? null : sentAt.atOffset(ZoneOffset.UTC).toString();
        }
    }

    /** The ids of the campaign's messages in these statuses. */
    List<UUID> ids(UUID campaign, Collection<MessageStatus> statuses) {
        return jdbc.sql("SELECT id FROM campaign_message WHERE campaign_id = :campaign AND status = ANY(:statuses)")
                .param("campaign", campaign)
                .param("statuses", statuses.stream().map(MessageStatus::key).toArray(String[]::new))
                .query(UUID.class)
                .list();
    }

    void move(Collection<UUID> ids, MessageStatus to) {
        jdbc.sql("UPDATE campaign_message SET status = :to WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .param("to", to.key())
                .update();
    }

    /** How many of the campaign's messages are in each status, and why those skipped were skipped. */
    Counts counts(UUID campaign) {
        Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
        Map<String, Long> skipped = new LinkedHashMap<>();
        long[] bounced = {0};
        jdbc.sql("""
                        SELECT status, reason, count(*) AS messages, count(*) FILTER (WHERE bounced) AS bounced
                        FROM campaign_message WHERE campaign_id = :campaign GROUP BY status, reason ORDER BY status, reason
                        """).param("campaign", campaign).query(rs -> {
            MessageStatus status = MessageStatus.ofKey(rs.getString("status"));
            long messages = rs.getLong("messages");
            byStatus.merge(status, messages, Long::sum);
            if (status == MessageStatus.SKIPPED) {
                skipped.merge(String.valueOf(rs.getString("reason")), messages, Long::sum);
            }
            bounced[0] += rs.getLong("bounced");
        });
        return new Counts(byStatus, skipped, bounced[0]);
    }

    record Counts(Map<MessageStatus, Long> byStatus, Map<String, Long> skipped, long bounced) {

        long of(MessageStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }
    }

    /**
     * Waits for any other unsubscribing of the address to end, and keeps others waiting until this transaction ends:
     * each then sees what the one before it recorded.
     */
    void lockAddress(byte[] emailIndex) {
        jdbc.sql(
                        "SELECT pg_advisory_xact_lock(hashtextextended('newsletter-unsubscribe:' || encode(:index, 'hex'), 0))")
                .param("index", emailIndex)
                .query()
                .singleRow();
    }

    /** Marks a sent message bounced, once; answers its campaign when it was not marked before. */
    Optional<UUID> markBounced(UUID id) {
        return jdbc.sql("""
                        UPDATE campaign_message SET bounced = TRUE WHERE id = :id AND status = 'sent' AND NOT bounced
                        RETURNING campaign_id
                        """).param("id", id).query(UUID.class).optional();
    }

    List<CampaignMessage> ofSubjects(Collection<SubjectId> subjects) {
        return jdbc.sql("SELECT * FROM campaign_message WHERE subject_id = ANY(:subjects)")
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query((rs, row) -> message(rs))
                .list();
    }

    /** The messages filed under the subjects, of campaigns of these sites, oldest first: a person's copy of them. */
    List<NewsletterHistory.Sent> sentTo(Collection<SubjectId> subjects, Collection<String> sites) {
        return jdbc.sql("""
                        SELECT c.id, c.site, c.purpose, c.subject_line, m.status, m.sent_at, m.tracked, m.email_index
                        FROM campaign_message m JOIN campaign c ON c.id = m.campaign_id
                        WHERE m.subject_id = ANY(:subjects) AND c.site = ANY(:sites)
                        ORDER BY coalesce(m.sent_at, c.started_at, c.created_at), c.id
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("sites", sites.toArray(String[]::new))
                .query((rs, row) -> {
                    OffsetDateTime sentAt = rs.getObject("sent_at", OffsetDateTime.class);
                    return new NewsletterHistory.Sent(
                            rs.getObject("id", UUID.class),
                            new NewsletterHistory.Message(
                                    rs.getString("site"),
                                    rs.getString("purpose"),
                                    rs.getString("subject_line"),
                                    rs.getString("status"),
                                    sentAt == null ? null : sentAt.toInstant(),
                                    rs.getBoolean("tracked"),
                                    List.of(),
                                    List.of()),
                            rs.getBytes("email_index"));
                })
                .list();
    }

    /** Files the messages under another subject carrying the same address, after theirs was erased. */
    void refile(Collection<UUID> ids, SubjectId subject) {
        jdbc.sql("UPDATE campaign_message SET subject_id = :subject WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .param("subject", subject.value())
                .update();
    }

    /**
     * Cuts the messages' link to the person (an erasure): the blind index becomes random bytes and the subject
     * nobody, so the rows count in the campaign's figures and lead to no one.
     */
    void forget(Collection<UUID> ids) {
        jdbc.sql("""
                        UPDATE campaign_message SET email_index = uuid_send(gen_random_uuid()), subject_id = :nobody
                        WHERE id = ANY(:ids)
                        """)
                .param("ids", ids.toArray(UUID[]::new))
                .param("nobody", NOBODY.value())
                .update();
    }

    private static CampaignMessage message(ResultSet rs) throws SQLException {
        return new CampaignMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("campaign_id", UUID.class),
                rs.getBytes("email_index"),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                MessageStatus.ofKey(rs.getString("status")),
                rs.getString("reason"),
                rs.getBoolean("bounced"));
    }
}
