package dev.steward.platform;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Where the database is: an external server, or the embedded one this process owns and must stop. */
record DatabaseServer(
        String jdbcUrl,
        @Nullable String user,
        @Nullable String password,
        @Nullable EmbeddedDatabase owned) implements AutoCloseable {

    static DatabaseServer external(String url, @Nullable String user, @Nullable String password) {
        return new DatabaseServer(url, user, password, null);
    }

    static DatabaseServer embedded(EmbeddedDatabase database) {
        return new DatabaseServer(database.jdbcUrl(), "postgres", null, database);
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
