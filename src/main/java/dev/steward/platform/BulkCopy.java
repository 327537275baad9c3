package dev.steward.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs {@code COPY ... FROM STDIN} on the caller's transaction, for the bulk paths (imports, the benchmark's data
 * generator): one round trip for thousands of rows instead of one per row.
 */
@Component
public class BulkCopy {

    private final DataSource dataSource;

    BulkCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A COPY statement and its rows, made ready ahead of being written (possibly on another thread). */
    public record Pending(String copySql, CopyData rows) {}

    /** @return how many rows PostgreSQL copied */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String copySql, CopyRows rows) {
        return copy(new Pending(copySql, rows));
    }

    /** @return how many rows PostgreSQL copied */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(Pending pending) {
        return pending.rows().rows() == 0
                ? 0
                : copy(
                        pending.copySql(),
                        new ByteArrayInputStream(pending.rows().bytes()));
    }

    /** Copies what the stream holds, in the format the statement names (e.g. a CSV file). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String copySql, InputStream data) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return copyIn(connection, copySql, data);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Starts the copies, in order, on the caller's transaction's connection from the writer's thread, and returns at
     * once: the caller prepares its next rows while PostgreSQL takes these (a connection does one statement at a
     * time, so without this the JVM and the database take turns). The caller joins the answer before its transaction
     * ends; a statement it runs meanwhile waits for the copies, since the driver lets one operation at a time use the
     * connection.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CompletableFuture<Void> copyInBackground(List<Pending> copies, Executor writer) {
        // the transaction holds its connection until it ends, whoever uses it meanwhile
        Connection connection = DataSourceUtils.getConnection(dataSource);
        DataSourceUtils.releaseConnection(connection, dataSource);
        return CompletableFuture.runAsync(
                () -> copies.stream()
                        .filter(pending -> pending.rows().rows() > 0)
                        .forEach(pending -> copyIn(
                                connection,
                                pending.copySql(),
                                new ByteArrayInputStream(pending.rows().bytes()))),
                writer);
    }

    private static long copyIn(Connection connection, String copySql, InputStream data) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data);
        } catch (SQLException e) {
            // the server's message may quote a row, so only its code is repeated here
            throw new IllegalStateException("COPY failed with SQLSTATE " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
