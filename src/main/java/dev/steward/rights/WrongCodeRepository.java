package dev.steward.rights;

import static dev.steward.rights.RightsColumns.at;
import static dev.steward.rights.RightsColumns.instant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of wrong verification codes ({@code rights_wrong_code}), counted per address by its blind index. */
@Repository
class WrongCodeRepository {

    private final JdbcClient jdbc;

    WrongCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(byte[] emailIndex, Instant at) {
        jdbc.sql("INSERT INTO rights_wrong_code (email_index, entered_at) VALUES (:email, :at)")
                .param("email", emailIndex)
                .param("at", at(at))
                .update();
    }

    /** When the {@code nth} newest wrong code for the address since then was entered, if there are that many. */
    Optional<Instant> nthNewestSince(byte[] emailIndex, Instant since, int nth) {
        return jdbc.sql("""
                        SELECT entered_at FROM rights_wrong_code WHERE email_index = :email AND entered_at > :since
                        ORDER BY entered_at DESC OFFSET :skip LIMIT 1
                        """)
                .param("email", emailIndex)
                .param("since", at(since))
                .param("skip", nth - 1)
                .query((rs, row) -> Objects.requireNonNull(instant(rs, "entered_at")))
                .optional();
    }

    int deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM rights_wrong_code WHERE entered_at <= :before")
                .param("before", at(before))
                .update();
    }
}
