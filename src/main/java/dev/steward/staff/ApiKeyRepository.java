package dev.steward.staff;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, byte[] secretHash) {
        jdbc.sql("""
                        INSERT INTO api_key (id, prefix, secret_sha256, name, kind, roles, sites, created_by, created_at, owner,
                                             made_by_key)
                        VALUES (:id, :prefix, :hash, :name, :kind, :roles, :sites, :by, :at, :owner, :madeByKey)
                        """)
                .param("id", key.id())
                .param("prefix", key.prefix())
                .param("hash", secretHash)
                .param("name", key.name())
                .param("kind", key.kind().name().toLowerCase(Locale.ROOT))
                .param("roles", key.roles().stream().map(Enum::name).toArray(String[]::new))
                .param("sites", key.sites().toArray(String[]::new))
                .param("by", key.createdBy())
                .param("at", key.createdAt().atOffset(ZoneOffset.UTC))
                .param("owner", key.owner())
                .param("madeByKey", key.madeByKey())
                .update();
    }

    Optional<Stored> byPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM api_key WHERE prefix = :prefix")
                .param("prefix", prefix)
                .query((rs, row) -> new Stored(key(rs), rs.getBytes("secret_sha256")))
                .optional();
    }

    Optional<ApiKey> find(UUID id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> key(rs))
                .optional();
    }

    List<ApiKey> all() {
        return jdbc.sql("SELECT * FROM api_key ORDER BY created_at DESC")
                .query((rs, row) -> key(rs))
                .list();
    }

    /** The live keys a key made. */
    List<ApiKey> madeBy(UUID key) {
        return jdbc.sql("SELECT * FROM api_key WHERE made_by_key = :key AND revoked_at IS NULL")
                .param("key", key)
                .query((rs, row) -> key(rs))
                .list();
    }

    boolean revoke(UUID id, Instant at) {
        return jdbc.sql("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .param("id", id)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getString("prefix"),
                rs.getString("name"),
                Caller.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                strings(rs.getArray("roles")).stream().map(StaffRole::valueOf).collect(Collectors.toSet()),
                strings(rs.getArray("sites")),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                revoked == null ? null : revoked.toInstant(),
                rs.getString("owner"),
                rs.getObject("made_by_key", UUID.class));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    record Stored(ApiKey key, byte[] secretHash) {}
}
