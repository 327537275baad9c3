package dev.steward.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
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

    /** @return how many rows PostgreSQL copied */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String copySql, CopyRows rows) {
        return rows.rows() == 0 ? 0 : copy(copySql, new ByteArrayInputStream(rows.bytes()));
    }

    /** Copies what the stream holds, in the format the statement names (e.g. a CSV file). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String copySql, InputStream data) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data);
        } catch (SQLException e) {
            // the server's message may quote a row, so only its code is repeated here
            throw new IllegalStateException("COPY failed with SQLSTATE " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
