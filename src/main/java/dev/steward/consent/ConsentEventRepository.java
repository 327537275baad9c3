package dev.steward.consent;

import dev.steward.platform.Chains;
import dev.steward.vault.LiveSubjects;
import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the consent ledger. Rows are appended to the hash chain and never updated or deleted. */
@Repository
class ConsentEventRepository {

    static final String CHAIN = "consent";

    static final String COLUMNS = "seq, id, subject_id, site, purpose, activity, action, notice_version,"
            + " wording_sha256, method, occurred_at, jurisdiction, by_parent, evidence_ref, evidence_enc, expires_at,"
            + " prev_hash, hash, notice_language, notice_sha256";

    private static final String LATEST_OF =
            """
            SELECT %s AS subject_exists, %s AS known_on, e.*
            FROM (SELECT) one LEFT JOIN LATERAL (
                SELECT DISTINCT ON (site, purpose)
                    site, purpose, seq, id, action, occurred_at, notice_version, jurisdiction, expires_at
                FROM consent_event WHERE subject_id = :subject
                ORDER BY site, purpose, occurred_at DESC, seq DESC) e ON true
            """.formatted(LiveSubjects.existsSql("subject"), LiveSubjects.sitesSql("subject"));

    private final JdbcClient jdbc;
    private final Chains chains;

    ConsentEventRepository(JdbcClient jdbc, Chains chains) {
        this.jdbc = jdbc;
        this.chains = chains;
    }

    /** Appends the event (its seq is ignored and assigned here) with its sealed evidence; answers it as stored. */
    ConsentEvent append(ConsentEvent event, byte @Nullable [] evidence) {
        long seq = chains.append(CHAIN, new Chains.RowWriter() {
                    @Override
                    public byte[] canonical(long seq) {
                        return ConsentEventLinks.canonical(ConsentEventLinks.withSeq(event, seq), evidence);
                    }

                    @Override
                    public void insert(long seq, byte[] previousHash, byte[] hash) {
                        insertRow(ConsentEventLinks.withSeq(event, seq), evidence, previousHash, hash);
                    }
                })
                .seq();
        return ConsentEventLinks.withSeq(event, seq);
    }

    private void insertRow(ConsentEvent event, byte @Nullable [] evidence, byte[] previousHash, byte[] hash) {
        jdbc.sql("""
                        INSERT INTO consent_event (%s)
                        VALUES (:seq, :id, :subject, :site, :purpose, :activity, :action, :notice, :wording, :method, :at,
                            :jurisdiction, :parent, :ref, :evidence, :expires, :prev, :hash, :noticeLanguage, :noticeSha256)
                        """.formatted(COLUMNS))
                .param("seq", event.seq())
                .param("id", event.id())
                .param("subject", event.subject().value())
                .param("site", event.site())
                .param("purpose", event.purpose())
                .param("activity", event.activity())
                .param("action", event.action().key())
                .param("notice", event.noticeVersion())
                .param("wording", event.wordingSha256())
                .param("method", event.method())
                .param("at", event.occurredAt().atOffset(ZoneOffset.UTC))
                .param("jurisdiction", event.jurisdiction())
                .param("parent", event.byParent())
                .param("ref", event.evidenceRef())
                .param("evidence", evidence)
                .param(
                        "expires",
                        event.expiresAt() == null ? null : event.expiresAt().atOffset(ZoneOffset.UTC))
                .param("prev", previousHash)
                .param("hash", hash)
                .param("noticeLanguage", event.noticeLanguage())
                .param("noticeSha256", event.noticeSha256())
                .update();
    }

    Optional<ConsentEvent> find(UUID id) {
        return jdbc.sql("SELECT * FROM consent_event WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> event(rs))
                .optional();
    }

    /** The event that decided (subject, site, purpose) at the instant: the last to happen by then. */
    Optional<ConsentEvent> latestAt(SubjectId subject, String site, String purpose, Instant at) {
        return jdbc.sql("""
                        SELECT * FROM consent_event
                        WHERE subject_id = :subject AND site = :site AND purpose = :purpose AND occurred_at <= :at
                        ORDER BY occurred_at DESC, seq DESC LIMIT 1
                        """)
                .param("subject", subject.value())
                .param("site", site)
                .param("purpose", purpose)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> event(rs))
                .optional();
    }

    /** The subjects whose latest action on the purpose lets processing on consent go on, at the instant. */
    List<SubjectId> granting(String site, String purpose, Instant at) {
        return jdbc.sql("""
                        SELECT subject_id FROM (
                            SELECT DISTINCT ON (subject_id) subject_id, action, expires_at FROM consent_event
                            WHERE site = :site AND purpose = :purpose AND occurred_at <= :at
                            ORDER BY subject_id, occurred_at DESC, seq DESC) latest
                        WHERE action IN ('given', 'confirmed', 'renewed') AND (expires_at IS NULL OR expires_at > :at)
                        """)
                .param("site", site)
                .param("purpose", purpose)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new SubjectId(rs.getObject(1, UUID.class)))
                .list();
    }

    List<ConsentEvent> history(SubjectId subject) {
        return jdbc.sql("SELECT * FROM consent_event WHERE subject_id = :subject ORDER BY occurred_at, seq")
                .param("subject", subject.value())
                .query((rs, row) -> event(rs))
                .list();
    }

    Optional<byte[]> evidence(UUID id) {
        return jdbc.sql("SELECT evidence_enc FROM consent_event WHERE id = :id AND evidence_enc IS NOT NULL")
                .param("id", id)
                .query(byte[].class)
                .optional();
    }

    /**
     * The latest event of each site and purpose the subject has words on, from the covering index
     * {@code consent_event_latest} alone (an index-only scan), and whether the subject exists and the sites they have
     * other data on, asked of the vault in the same query through {@link LiveSubjects#existsSql} and {@link
     * LiveSubjects#sitesSql} (its only SQL for other modules): a decision about a person no cache holds needs all
     * three, and asked one after the other they were round trips of their own (bench/README.md, miss12).
     */
    SubjectWords latestOf(SubjectId subject) {
        List<SubjectConsents.Latest> latest = new ArrayList<>(2);
        boolean[] exists = {false};
        boolean[] first = {true};
        List<String> sites = new ArrayList<>(1);
        jdbc.sql(LATEST_OF).param("subject", subject.value()).query(rs -> {
            if (first[0]) {
                // the same on every row
                first[0] = false;
                exists[0] = rs.getBoolean(1);
                for (Object site : (Object[]) rs.getArray(2).getArray()) {
                    sites.add(((String) site).intern());
                }
            }
            if (rs.getString("site") != null) {
                latest.add(latest(rs));
            }
        });
        return new SubjectWords(exists[0], new SubjectConsents(latest, sites));
    }

    /** A subject's latest words, and whether the subject exists (was created and not erased) as the words were read. */
    record SubjectWords(boolean subjectExists, SubjectConsents consents) {}

    /**
     * Each subject's latest word on each purpose of the site as of the instant, for many subjects in one query (a
     * campaign's chunk, just before it goes): what decides for the list's purpose and the tracking purposes, and the
     * jurisdiction of the latest word on the site where a person has none on a purpose. A subject without any event
     * there has an empty entry.
     */
    Map<SubjectId, SubjectConsents> latestOnSiteEach(Collection<SubjectId> subjects, String site, Instant at) {
        Map<SubjectId, List<SubjectConsents.Latest>> bySubject = new HashMap<>();
        subjects.forEach(subject -> bySubject.put(subject, new ArrayList<>()));
        jdbc.sql("""
                        SELECT DISTINCT ON (subject_id, purpose)
                            subject_id, site, purpose, seq, id, action, occurred_at, notice_version, jurisdiction,
                            expires_at
                        FROM consent_event WHERE subject_id = ANY(:subjects) AND site = :site AND occurred_at <= :at
                        ORDER BY subject_id, purpose, occurred_at DESC, seq DESC
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("site", site)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    bySubject
                            .get(new SubjectId(rs.getObject("subject_id", UUID.class)))
                            .add(latest(rs));
                });
        Map<SubjectId, SubjectConsents> read = new HashMap<>();
        bySubject.forEach((subject, latest) -> read.put(subject, new SubjectConsents(latest, List.of())));
        return read;
    }

    /** The sites on which each of these subjects has consent events (those without any are left out). */
    Map<SubjectId, Set<String>> sitesWithWords(Collection<SubjectId> subjects) {
        Map<SubjectId, Set<String>> sites = new HashMap<>();
        jdbc.sql("SELECT DISTINCT subject_id, site FROM consent_event WHERE subject_id = ANY(:subjects)")
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query(rs -> {
                    sites.computeIfAbsent(new SubjectId(rs.getObject(1, UUID.class)), any -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return sites;
    }

    private static SubjectConsents.Latest latest(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        UUID id = rs.getObject("id", UUID.class);
        return new SubjectConsents.Latest(
                rs.getString("site").intern(),
                rs.getString("purpose").intern(),
                LatestConsent.of(
                        rs.getLong("seq"),
                        id,
                        ConsentAction.valueOf(rs.getString("action").toUpperCase()),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("notice_version"),
                        rs.getString("jurisdiction"),
                        expires == null ? null : expires.toInstant()));
    }

    /** The ledger's last sequence number: where following its appends starts. */
    long lastSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM consent_event")
                .query(Long.class)
                .single();
    }

    /** The subjects of the events after a sequence number, with the last sequence number seen. */
    // in a transaction, or PostgreSQL's driver ignores the fetch size and holds every row at once
    @Transactional(readOnly = true)
    public long subjectsAfter(long seq, Consumer<SubjectId> consumer) {
        long[] last = {seq};
        try (Stream<SubjectId> subjects = jdbc
                .sql("SELECT seq, subject_id FROM consent_event WHERE seq > :seq ORDER BY seq")
                .param("seq", seq)
                .withFetchSize(5000)
                .query((rs, row) -> {
                    last[0] = rs.getLong("seq");
                    return new SubjectId(rs.getObject("subject_id", UUID.class));
                })
                .stream()) {
            subjects.forEach(consumer);
        }
        return last[0];
    }

    /** Consents whose validity ran out by the instant and whose latest event still grants. */
    List<ConsentEvent> expiredGrants(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT e.* FROM consent_event e
                        WHERE e.expires_at <= :now AND e.action IN ('given', 'confirmed', 'renewed')
                          AND NOT EXISTS (SELECT 1 FROM consent_event later
                                          WHERE later.subject_id = e.subject_id AND later.site = e.site
                                            AND later.purpose = e.purpose
                                            AND (later.occurred_at, later.seq) > (e.occurred_at, e.seq))
                        ORDER BY e.expires_at LIMIT :limit
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> event(rs))
                .list();
    }

    /** Subjects whose consent to a purpose lapsed and was not given again: the re-permission list. */
    List<ConsentEvent> lapsed(String site, @Nullable String purpose) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (subject_id, purpose) * FROM consent_event
                        WHERE site = :site AND (CAST(:purpose AS TEXT) IS NULL OR purpose = :purpose)
                        ORDER BY subject_id, purpose, occurred_at DESC, seq DESC
                        """).param("site", site).param("purpose", purpose).query((rs, row) -> event(rs)).stream()
                .filter(event -> event.action() == ConsentAction.LAPSED)
                .toList();
    }

    /** Stores the event's receipt unless one is stored already (of two first requests at once, the first kept wins). */
    void insertReceipt(UUID event, String jws) {
        jdbc.sql("INSERT INTO consent_receipt (event_id, jws) VALUES (:id, :jws) ON CONFLICT (event_id) DO NOTHING")
                .param("id", event)
                .param("jws", jws)
                .update();
    }

    Optional<String> receipt(UUID event) {
        return jdbc.sql("SELECT jws FROM consent_receipt WHERE event_id = :id")
                .param("id", event)
                .query(String.class)
                .optional();
    }

    static ConsentEvent event(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new ConsentEvent(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                rs.getString("site"),
                rs.getString("purpose"),
                rs.getString("activity"),
                ConsentAction.valueOf(rs.getString("action").toUpperCase()),
                rs.getString("notice_version"),
                rs.getString("wording_sha256"),
                rs.getString("method"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("jurisdiction"),
                rs.getBoolean("by_parent"),
                rs.getString("evidence_ref"),
                expires == null ? null : expires.toInstant(),
                rs.getString("notice_language"),
                rs.getString("notice_sha256"));
    }
}
