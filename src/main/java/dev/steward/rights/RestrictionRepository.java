package dev.steward.rights;

import static dev.steward.rights.RightsColumns.instant;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RestrictionRepository {

    private final JdbcClient jdbc;

    RestrictionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Restriction restriction) {
        jdbc.sql("""
                        INSERT INTO restriction (id, subject_id, site, activity, ground, request_id, since)
                        VALUES (:id, :subject, :site, :activity, :ground, :request, :since)
                        """)
                .param("id", restriction.id())
                .param("subject", restriction.subject().value())
                .param("site", restriction.site())
                .param("activity", restriction.activity())
                .param("ground", restriction.ground())
                .param("request", restriction.request())
                .param("since", restriction.since().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Restriction> find(UUID id) {
        return jdbc.sql("SELECT * FROM restriction WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> restriction(rs))
                .optional();
    }

    List<Restriction> active() {
        return jdbc.sql("SELECT * FROM restriction WHERE lifted_at IS NULL ORDER BY since")
                .query((rs, row) -> restriction(rs))
                .list();
    }

    List<Restriction> of(SubjectId subject) {
        return jdbc.sql("SELECT * FROM restriction WHERE subject_id = :subject ORDER BY since")
                .param("subject", subject.value())
                .query((rs, row) -> restriction(rs))
                .list();
    }

    void lift(UUID id, Instant noticed, Instant lifted) {
        jdbc.sql("UPDATE restriction SET lifting_noticed_at = :noticed, lifted_at = :lifted WHERE id = :id")
                .param("id", id)
                .param("noticed", noticed.atOffset(ZoneOffset.UTC))
                .param("lifted", lifted.atOffset(ZoneOffset.UTC))
                .update();
    }

    int deleteOf(java.util.Collection<SubjectId> subjects) {
        return jdbc.sql("DELETE FROM restriction WHERE subject_id = ANY(:subjects)")
                .param("subjects", subjects.stream().map(SubjectId::value).toArray(java.util.UUID[]::new))
                .update();
    }

    private static Restriction restriction(ResultSet rs) throws SQLException {
        return new Restriction(
                rs.getObject("id", UUID.class),
                new SubjectId(rs.getObject("subject_id", UUID.class)),
                rs.getString("site"),
                rs.getString("activity"),
                rs.getString("ground"),
                rs.getObject("request_id", UUID.class),
                rs.getObject("since", OffsetDateTime.class).toInstant(),
                instant(rs, "lifting_noticed_at"),
                instant(rs, "lifted_at"));
    }
}
