package dev.steward.vault;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for Steward's own keys, stored wrapped by the master key. */
@Repository
class VaultKeyRepository {

    private final JdbcClient jdbc;

    VaultKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<byte[]> find(String name) {
        return jdbc.sql("SELECT wrapped FROM vault_key WHERE name = :name")
                .param("name", name)
                .query(byte[].class)
                .optional();
    }

    void insertIfAbsent(String name, byte[] wrapped, Instant at) {
        jdbc.sql(
                        "INSERT INTO vault_key (name, wrapped, created_at) VALUES (:name, :wrapped, :at) ON CONFLICT DO NOTHING")
                .param("name", name)
                .param("wrapped", wrapped)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<String> names() {
        return jdbc.sql("SELECT name FROM vault_key ORDER BY name")
                .query(String.class)
                .list();
    }

    void replace(String name, byte[] wrapped) {
        jdbc.sql("UPDATE vault_key SET wrapped = :wrapped WHERE name = :name")
                .param("name", name)
                .param("wrapped", wrapped)
                .update();
    }
}
