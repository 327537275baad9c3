package dev.steward.platform;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Steward's own settings. Each is read from a {@code STEWARD_*} environment variable in application.yml, so the
 * README's table of variables and this record say the same thing.
 *
 * @param dataDir where the embedded database, the key sets and the erasure log live
 * @param catalog comma-separated catalog locations (files, folders or {@code classpath:} locations)
 * @param adminPassword the staff {@code admin} password at first start; generated and printed when blank
 * @param publicUrl the address visitors reach Steward at, used in links sent by e-mail
 * @param masterKey the master key set; created under the data directory at first start when not given
 * @param erasureLog the file of erasure tombstones kept outside the database, for restore-replay
 */
@ConfigurationProperties("steward")
public record StewardProperties(
        Path dataDir,
        String catalog,
        Database database,
        @Nullable String adminPassword,
        String publicUrl,
        @Nullable Path masterKey,
        @Nullable Path erasureLog) {

    public Path masterKeyPath() {
        return isGiven(masterKey) ? masterKey : dataDir.resolve("keys/master-keyset.json");
    }

    /** An operator-supplied master key set must exist; only the default one is created at first start. */
    public boolean masterKeyGiven() {
        return isGiven(masterKey);
    }

    public Path erasureLogPath() {
        return isGiven(erasureLog) ? erasureLog : dataDir.resolve("erasure-log.jsonl");
    }

    /** An unset {@code STEWARD_*} variable arrives as an empty path. */
    private static boolean isGiven(@Nullable Path path) {
        return path != null && !path.toString().isEmpty();
    }

    /**
     * @param url a JDBC URL of an external PostgreSQL; when blank Steward runs its own embedded server
     * @param fsync whether the embedded server flushes to disk on commit (always on in production)
     * @param sharedBuffers the embedded server's {@code shared_buffers} (PostgreSQL's own page cache, e.g. 256MB)
     */
    public record Database(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            boolean fsync,
            String sharedBuffers) {

        public boolean isEmbedded() {
            return url == null || url.isBlank();
        }
    }
}
