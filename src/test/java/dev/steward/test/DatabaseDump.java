package dev.steward.test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * A logical dump of a Steward database, table by table, in the text format {@code pg_dump} writes its data section
 * in ({@code COPY ... TO STDOUT}), and its restore into a fresh database. The build has no {@code pg_dump} matching the
 * embedded PostgreSQL 17, so the tests dump the data the same way it does.
 */
public record DatabaseDump(Map<String, byte[]> tables) {

    public static DatabaseDump of(String jdbcUrl) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        try (Connection connection =
                DriverManager.getConnection(jdbcUrl, TestDatabase.user(), TestDatabase.password())) {
            List<String> names = new java.util.ArrayList<>();
            try (var rs = connection
                    .createStatement()
                    .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", out);
                tables.put(table, out.toByteArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DatabaseDump(tables);
    }

    /** Everything the dump holds, as text: what someone who stole it could read. */
    public String text() {
        StringBuilder all = new StringBuilder();
        tables.forEach((table, data) ->
                all.append("-- ").append(table).append('\n').append(new String(data, StandardCharsets.UTF_8)));
        return all.toString();
    }

    /** Restores the dump into a new database with Steward's schema; answers its JDBC URL. */
    public String restoreInto(String databaseName) {
        String url = TestDatabase.newDatabase(databaseName);
        Flyway.configure()
                .dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            // a restore loads rows in any order: foreign keys and triggers are checked by the source database already
            connection.createStatement().execute("SET session_replication_role = replica");
            for (Map.Entry<String, byte[]> table : tables.entrySet()) {
                if (!table.getKey().equals("flyway_schema_history")) {
                    connection
                            .unwrap(PGConnection.class)
                            .getCopyAPI()
                            .copyIn(
                                    "COPY " + table.getKey() + " FROM STDIN",
                                    new ByteArrayInputStream(table.getValue()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return url;
    }
}
