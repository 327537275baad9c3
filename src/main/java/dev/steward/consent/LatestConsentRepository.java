package dev.steward.consent;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The consent ledger's latest words, read from the covering index {@code consent_event_latest} alone (index-only
 * scans): what decisions need of an event, never its evidence or wording.
 */
@Repository
class LatestConsentRepository {

    private final JdbcClient jdbc;

    LatestConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The latest word of each subject on the purpose at the instant, for many subjects in one query; a subject with
     * no word on it has no entry. A campaign asks this for every message: the whole event ({@code SELECT *}, read
     * from the table) cost the server and PostgreSQL a tenth of the campaign's CPU.
     */
    Map<SubjectId, LatestConsent> latestAtEach(List<SubjectId> subjects, String site, String purpose, Instant at) {
        Map<SubjectId, LatestConsent> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (subject_id)
                            subject_id, seq, id, action, occurred_at, notice_version, jurisdiction, expires_at
                        FROM consent_event
                        WHERE subject_id = ANY(:subjects) AND site = :site AND purpose = :purpose AND occurred_at <= :at
                        ORDER BY subject_id, occurred_at DESC, seq DESC
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .param("site", site)
                .param("purpose", purpose)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    latest.put(new SubjectId(rs.getObject("subject_id", UUID.class)), consent(rs));
                });
        return latest;
    }

    /**
     * The latest event of each site and purpose the subject has words on, from the covering index
     * {@code consent_event_latest} alone (an index-only scan).
     */
    SubjectConsents latestOf(SubjectId subject) {
        return new SubjectConsents(jdbc.sql("""
                        SELECT DISTINCT ON (site, purpose)
                            subject_id, site, purpose, seq, id, action, occurred_at, notice_version, jurisdiction,
                            expires_at
                        FROM consent_event WHERE subject_id = :subject
                        ORDER BY site, purpose, occurred_at DESC, seq DESC
                        """)
                .param("subject", subject.value())
                .query((rs, row) -> latest(rs))
                .list());
    }

    /** {@link #latestOf} for many subjects in one query; a subject without any event has an empty entry. */
    Map<SubjectId, SubjectConsents> latestOfEach(Collection<SubjectId> subjects) {
        Map<SubjectId, List<SubjectConsents.Latest>> bySubject = new HashMap<>();
        subjects.forEach(subject -> bySubject.put(subject, new ArrayList<>()));
        jdbc.sql("""
                        SELECT DISTINCT ON (subject_id, site, purpose)
                            subject_id, site, purpose, seq, id, action, occurred_at, notice_version, jurisdiction,
                            expires_at
                        FROM consent_event WHERE subject_id = ANY(:subjects)
                        ORDER BY subject_id, site, purpose, occurred_at DESC, seq DESC
                        """)
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(UUID[]::new))
                .query(rs -> {
                    bySubject
                            .get(new SubjectId(rs.getObject("subject_id", UUID.class)))
                            .add(latest(rs));
                });
        Map<SubjectId, SubjectConsents> read = new HashMap<>();
        bySubject.forEach((subject, latest) -> read.put(subject, new SubjectConsents(latest)));
        return read;
    }

    private static SubjectConsents.Latest latest(ResultSet rs) throws SQLException {
        return new SubjectConsents.Latest(
                rs.getString("site").intern(), rs.getString("purpose").intern(), consent(rs));
    }

    private static LatestConsent consent(ResultSet rs) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return LatestConsent.of(
                rs.getLong("seq"),
                rs.getObject("id", UUID.class),
                ConsentAction.valueOf(rs.getString("action").toUpperCase()),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("notice_version"),
                rs.getString("jurisdiction"),
                expires == null ? null : expires.toInstant());
    }
}
