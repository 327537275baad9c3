package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code staff reset-password}: the operator gives the last administrator, whose password is lost, a new one on the
 * command line; the old one and the sessions it opened end on the running server, and the audit trail names the
 * operator. Before it, a lost password of the only administrator left nobody able to manage staff (crash22).
 */
class StaffResetPasswordTest {

    private static final Pattern NEW_PASSWORD =
            Pattern.compile("New password for 'admin': (\\S+) \\(shown only this once");

    @TempDir
    Path dataDir;

    @Test
    void theOperatorGivesTheAdministratorANewPasswordAndTheOldOneWithItsSessionsEnds() throws InterruptedException {
        String database = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext server =
                TestServer.start(database, dataDir, "--steward.catalog=" + StewardTest.CATALOGS)) {
            int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Console before = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

            TestServer.Run run = TestServer.command(database, dataDir, "staff", "reset-password", "admin");

            assertThat(run.exit()).as(run.err()).isZero();
            Matcher printed = NEW_PASSWORD.matcher(run.out());
            assertThat(printed.find()).as(run.out()).isTrue();
            assertThat(run.out()).contains("/login?browser=");
            awaitEnded(before);
            assertThat(Console.signInAnswer(new Http(port), "admin", StewardTest.ADMIN_PASSWORD))
                    .as("the old password")
                    .endsWith("/login?error");
            Console after = Console.signIn(new Http(port), "admin", printed.group(1));
            assertThat(after.get("/admin").statusCode()).isEqualTo(200);
            assertThat(after.get("/admin/audit").body())
                    .as("the trail names who did it in words")
                    .contains("<td>the operator, on the command line</td>");
            assertThat(server.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM audit_event WHERE actor = 'operator (command line)'"
                                    + " AND action = 'change-staff'")
                            .query(Long.class)
                            .single())
                    .isOne();

            TestServer.Run nobody = TestServer.command(database, dataDir, "staff", "reset-password", "nobody");
            assertThat(nobody.exit()).isOne();
            assertThat(nobody.err()).isEqualTo("There is no staff member 'nobody'." + System.lineSeparator());
            assertThat(nobody.out()).isEmpty();
        }
    }

    /** The server hears of the change through PostgreSQL, a moment after the command committed it. */
    private static void awaitEnded(Console session) throws InterruptedException {
        for (int i = 0; i < 100 && session.get("/admin").statusCode() != 302; i++) {
            Thread.sleep(50);
        }
        assertThat(session.get("/admin").statusCode())
                .as("the session the old password opened")
                .isEqualTo(302);
    }
}
