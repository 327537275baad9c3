package dev.steward.rights;

import dev.steward.vault.SubjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How the rights module's repositories read and write the columns they all have: times as {@code timestamptz} in
 * UTC, and the subject a row is about, which is gone (null) once the person was erased.
 */
final class RightsColumns {

    private RightsColumns() {}

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The subject a request or notice is about; none once the person was erased. */
    static @Nullable SubjectId subject(ResultSet rs) throws SQLException {
        UUID subject = rs.getObject("subject_id", UUID.class);
        return subject == null ? null : new SubjectId(subject);
    }
}
