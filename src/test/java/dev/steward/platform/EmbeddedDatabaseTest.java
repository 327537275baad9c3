package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void isDurableAndKeepsEveryRowAcrossARestart() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, true, "128MB")) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
                assertThat(setting(connection, "fsync")).isEqualTo("on");
                assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "listen_addresses")).isEqualTo("localhost");
                connection.createStatement().execute("CREATE TABLE kept (value TEXT)");
                connection.createStatement().execute("INSERT INTO kept VALUES ('survives')");
            }
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir, true, "128MB");
                Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
                ResultSet rows = connection.createStatement().executeQuery("SELECT value FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives");
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
