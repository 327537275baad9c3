package dev.steward.rights;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a request's history: what happened, when and by whom, each message sealed under the requester's key. */
@Repository
class RequestEventRepository {

    private final JdbcClient jdbc;

    RequestEventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(UUID request, Instant at, String kind, String actor, byte @Nullable [] message) {
        jdbc.sql("INSERT INTO rights_request_event (request_id, occurred_at, kind, actor, message_enc)"
                        + " VALUES (:request, :at, :kind, :actor, :message)")
                .param("request", request)
                .param("at", RightsColumns.at(at))
                .param("kind", kind)
                .param("actor", actor)
                .param("message", message)
                .update();
    }

    record StoredEvent(Instant occurredAt, String kind, String actor, byte @Nullable [] message) {}

    List<StoredEvent> of(UUID request) {
        return jdbc.sql("""
                        SELECT occurred_at, kind, actor, message_enc FROM rights_request_event
                         WHERE request_id = :id ORDER BY id
                        """)
                .param("id", request)
                .query((rs, row) -> new StoredEvent(
                        RightsColumns.instant(rs, "occurred_at"),
                        rs.getString("kind"),
                        rs.getString("actor"),
                        rs.getBytes("message_enc")))
                .list();
    }
}
