package dev.steward.vault;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for subjects that wait for staff to review how they were joined. */
@Repository
class SubjectReviewRepository {

    private final JdbcClient jdbc;

    SubjectReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each subject waiting for review with the sites of its records and how many identifiers of each kind it has. */
    List<SubjectReviews.ReviewCase> pending() {
        return jdbc.sql("""
                        SELECT s.id, s.created_at, s.review,
                            (SELECT coalesce(array_agg(DISTINCT r.site ORDER BY r.site), '{}')
                             FROM personal_record r WHERE r.subject_id = s.id) AS sites,
                            (SELECT count(*) FROM personal_record r WHERE r.subject_id = s.id) AS records,
                            (SELECT count(*) FROM subject_identifier i WHERE i.subject_id = s.id AND i.kind = 'EMAIL')
                                AS addresses
                        FROM data_subject s WHERE s.review IS NOT NULL ORDER BY s.created_at, s.id
                        """)
                .query((rs, row) -> new SubjectReviews.ReviewCase(
                        new SubjectId(rs.getObject("id", UUID.class)),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getString("review"),
                        Arrays.asList((String[]) rs.getArray("sites").getArray()),
                        rs.getInt("records"),
                        rs.getInt("addresses")))
                .list();
    }

    boolean underReview(SubjectId subject) {
        return jdbc.sql("SELECT count(*) FROM data_subject WHERE id = :id AND review IS NOT NULL")
                        .param("id", subject.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void clear(SubjectId subject) {
        jdbc.sql("UPDATE data_subject SET review = NULL WHERE id = :id")
                .param("id", subject.value())
                .update();
    }
}
