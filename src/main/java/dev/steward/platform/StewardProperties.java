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
 */
@ConfigurationProperties("steward")
public record StewardProperties(
        Path dataDir,
        String catalog,
        Database database,
        @Nullable String adminPassword,
        String publicUrl) {

    /**
     * @param url a JDBC URL of an external PostgreSQL; when blank Steward runs its own embedded server
     * @param fsync whether the embedded server flushes to disk on commit (always on in production)
     */
    public record Database(
            @Nullable String url,
            @Nullable String user,
            @Nullable String password,
            boolean fsync) {

        public boolean isEmbedded() {
            return url == null || url.isBlank();
        }
    }
}
