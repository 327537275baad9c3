package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every module's statements for people just erased go to PostgreSQL as one script, one JDBC statement, and run in
 * the order the modules give them, each seeing what the ones before it did.
 */
class SubjectRowsErasureTest {

    private final DataSource database =
            new DriverManagerDataSource(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final AtomicInteger statements = new AtomicInteger();

    @Test
    void everyModulesStatementsRunInOrderAsOneStatement() {
        jdbc.sql("CREATE TABLE kept (subject uuid, what text, erased_at timestamptz)")
                .update();
        jdbc.sql("CREATE TABLE tally (rows bigint)").update();
        UUID gone = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        for (UUID subject : List.of(gone, other)) {
            jdbc.sql("INSERT INTO kept (subject, what) VALUES (:subject, 'link'), (:subject, 'answer')")
                    .param("subject", subject)
                    .update();
        }
        SubjectRows links = () -> List.of("DELETE FROM kept WHERE subject = ANY(:subjects) AND what = 'link'");
        SubjectRows answers = () -> List.of(
                "UPDATE kept SET erased_at = :at WHERE subject = ANY(:subjects)",
                "INSERT INTO tally SELECT count(*) FROM kept WHERE subject = ANY(:subjects)");
        Instant at = Instant.parse("2026-12-06T08:00:00Z");

        new SubjectRowsErasure(List.of(links, answers), JdbcClient.create(counting()))
                .erase(List.of(new SubjectId(gone)), at);

        assertThat(statements).hasValue(1);
        assertThat(jdbc.sql("SELECT what, erased_at FROM kept WHERE subject = :subject")
                        .param("subject", gone)
                        .query((rs, row) -> rs.getString(1) + " " + rs.getObject(2, OffsetDateTime.class))
                        .list())
                .containsExactly("answer " + at.atOffset(ZoneOffset.UTC));
        assertThat(jdbc.sql("SELECT rows FROM tally").query(Long.class).list())
                .as("the last statement saw the first one's delete")
                .containsExactly(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM kept WHERE subject = :subject AND erased_at IS NULL")
                        .param("subject", other)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void nobodyErasedSendsNothing() {
        SubjectRows refused = () -> List.of("SELECT 1 / 0");

        new SubjectRowsErasure(List.of(refused), JdbcClient.create(counting())).erase(List.of(), Instant.EPOCH);

        assertThat(statements).hasValue(0);
    }

    /** The database, counting the statements prepared on its connections: one each time the driver is sent SQL. */
    private DataSource counting() {
        return new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")
                                    || method.getName().equals("createStatement")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
