package dev.steward.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives every Spring test context its own empty database and data directory on one PostgreSQL server per test JVM:
 * an embedded one, or the server at {@code STEWARD_TEST_DATABASE_URL} when the build runs the suite against it
 * (system property {@code steward.test.database=external}).
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Users USERS = new Users();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "steward.database.url=" + newDatabase(),
                        "steward.database.user=" + user(),
                        "steward.database.password=" + password(),
                        "steward.data-dir=" + temporaryDirectory())
                .applyTo(context);
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            // registered before any bean, so released after all of them, the connection pool included
            USERS.opened();
            registry.registerDisposableBean(TestDatabase.class.getName(), USERS::closed);
        }
    }

    /** A new, empty database on the test server, as a JDBC URL. */
    public static String newDatabase(String name) {
        return Server.get().createDatabase(name);
    }

    /** A copy of a database of the test server (which nobody may be connected to), as a JDBC URL. */
    public static String copyOf(String template, String name) {
        return Server.get().createDatabase(name + " TEMPLATE " + template);
    }

    /** A new, empty database with a name no other test of this run uses. */
    public static String newDatabase() {
        return newDatabase("steward_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
    }

    public static String user() {
        return Server.get().user();
    }

    public static String password() {
        return Server.get().password();
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("steward-test-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many Spring contexts still use the server. */
    private static final class Users {

        private int open;

        synchronized void opened() {
            open++;
        }

        synchronized void closed() {
            open--;
            notifyAll();
        }

        synchronized void awaitNone(Duration atMost) {
            long deadline = System.nanoTime() + atMost.toNanos();
            try {
                while (open > 0 && System.nanoTime() < deadline) {
                    wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The one server of this JVM, started on first use and stopped when the JVM ends. */
    private record Server(String adminUrl, String user, String password) {

        private static Server instance;

        static synchronized Server get() {
            if (instance == null) {
                instance = "external".equals(System.getProperty("steward.test.database")) ? external() : embedded();
            }
            return instance;
        }

        private static Server external() {
            String url = System.getenv("STEWARD_TEST_DATABASE_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("steward.test.database=external needs STEWARD_TEST_DATABASE_URL");
            }
            return new Server(
                    url, System.getenv("STEWARD_TEST_DATABASE_USER"), System.getenv("STEWARD_TEST_DATABASE_PASSWORD"));
        }

        private static Server embedded() {
            try {
                Path directory = Files.createTempDirectory("steward-test-pg-");
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("max_connections", "300")
                        // stopped by the hook below, after the contexts; the library's own would not wait for them
                        .setRegisterShutdownHook(false)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    // Spring closes the test contexts in its own shutdown hook meanwhile; stopping the server under
                    // them would leave their pools waiting for a connection until the JVM is killed
                    USERS.awaitNone(Duration.ofSeconds(20));
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is ending; the temporary directory goes with the machine
                    }
                }));
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Creates the database ({@code NAME [TEMPLATE OTHER]}) and answers its address. */
        String createDatabase(String definition) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + definition);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + definition, e);
            }
            String name = definition.split(" ")[0];
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
