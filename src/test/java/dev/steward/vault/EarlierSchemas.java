package dev.steward.vault;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database migrated up to an earlier version, filled as that version's code filled it, for migrations' tests. */
final class EarlierSchemas {

    private static final byte[] NOT_A_KEY = {1, 2, 3};

    private EarlierSchemas() {}

    /** Migrates to the version (a number, or {@code latest}). */
    static void migrate(DriverManagerDataSource database, String target) {
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    /** A subject row whose key nobody can unwrap: these tests read no personal data. */
    static UUID subject(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO data_subject (id, wrapped_key, created_at) VALUES (:id, :key, now())")
                .param("id", id)
                .param("key", NOT_A_KEY)
                .update();
        return id;
    }
}
