package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.StewardApplication;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The connection pool takes Spring Boot's {@code spring.datasource.hikari.*} settings; a command's pool is small. */
class DatabasePoolTest {

    @TempDir
    Path dataDir;

    @Test
    void theServersPoolHasTheConfiguredSizeAndNeverOpensMore() throws Exception {
        try (ConfigurableApplicationContext server = TestServer.start(
                TestDatabase.newDatabase(),
                dataDir,
                "--STEWARD_DATABASE_POOL_SIZE=3",
                "--spring.datasource.hikari.connection-timeout=1000")) {
            HikariDataSource pool = server.getBean(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getConnectionTimeout()).isEqualTo(1000);

            // the server's own jobs (LISTEN for other nodes, schedulers) hold some of the three
            List<Connection> held = new ArrayList<>();
            try {
                assertThatThrownBy(() -> {
                            while (held.size() <= 3) {
                                held.add(pool.getConnection());
                            }
                        })
                        .isInstanceOf(SQLTransientConnectionException.class);
                assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(3);
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void withoutSettingsTheServerTakesTenConnectionsAndACommandFour() {
        String database = TestDatabase.newDatabase();
        String[] settings = {
            "--steward.database.url=" + database,
            "--steward.database.user=" + TestDatabase.user(),
            "--steward.database.password=" + (TestDatabase.password() == null ? "" : TestDatabase.password()),
            "--steward.data-dir=" + dataDir
        };
        try (CommandContext command = new CommandContext(StewardApplication.class, settings)) {
            HikariDataSource pool = command.beans().getBean(HikariDataSource.class);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext server = TestServer.start(database, dataDir)) {
            assertThat(server.getBean(HikariDataSource.class).getMaximumPoolSize())
                    .isEqualTo(10);
        }
    }
}
