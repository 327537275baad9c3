package dev.steward.rights;

import static dev.steward.rights.RightsColumns.instant;
import static dev.steward.rights.RightsColumns.subject;

import dev.steward.catalog.RightType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** How a row of {@code rights_request} reads as a {@link RightsRequest}, for {@link RequestRepository}'s queries. */
final class RequestRows {

    private RequestRows() {}

    /** The request of the row; a row mapper's shape, for {@code query(RequestRows::request)}. */
    static RightsRequest request(ResultSet rs, int row) throws SQLException {
        return new RightsRequest(
                rs.getObject("id", UUID.class),
                rs.getString("site"),
                rs.getString("jurisdiction"),
                RightType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT).replace('-', '_')),
                RequestStatus.of(rs.getString("status")),
                subject(rs),
                instant(rs, "created_at"),
                instant(rs, "received_at"),
                instant(rs, "due_at"),
                instant(rs, "extended_to"),
                rs.getString("assignee"),
                rs.getBoolean("repeated"),
                rs.getString("fee"),
                rs.getObject("duplicate_of", UUID.class),
                instant(rs, "closed_at"),
                rs.getString("outcome"),
                rs.getString("language"));
    }
}
