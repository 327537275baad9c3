package dev.steward.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code campaign list} and {@code campaign status} on a database of their own, as an operator runs them. */
class CampaignCommandsTest {

    /** No PostgreSQL listens here: a command that tried to use the database would fail. */
    private static final String NO_DATABASE = "jdbc:postgresql://127.0.0.1:1/none";

    @TempDir
    Path dataDir;

    @Test
    void theListAndAStatusShowACampaignsProgressAndFigures() {
        String database = TestDatabase.newDatabase();
        TestServer.Run empty = TestServer.command(database, dataDir, "campaign", "list");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).isBlank();

        JdbcClient jdbc =
                JdbcClient.create(new DriverManagerDataSource(database, TestDatabase.user(), TestDatabase.password()));
        UUID campaign = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO campaign (id, site, kind, purpose, subject_line, body, status, created_by,
                            created_at, updated_at, started_at, finished_at, recipients)
                        VALUES (:id, 'olympus-ims', 'marketing', 'newsletter', 'Spring news', 'Hello', 'sent', 'admin',
                            :now, :now, :now, :now, 3)
                        """).param("id", campaign).param("now", now).update();
        message(jdbc, campaign, "sent", null);
        message(jdbc, campaign, "sent", null);
        message(jdbc, campaign, "skipped", "consent-withdrawn");

        TestServer.Run list = TestServer.command(database, dataDir, "campaign", "list");
        assertThat(list.out()).contains(campaign + "  olympus-ims  Sent  Spring news");

        TestServer.Run status =
                TestServer.command(database, dataDir, "campaign", "status", campaign.toString(), "--watch");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("Spring news (olympus-ims, ")
                .contains("Sent: 3 of 3 done (100%), 0 waiting, 0 held")
                .contains("sent 2, failed 0, bounced 0, skipped 1, opened 0, clicked 0, unsubscribed 0")
                .contains("skipped, unsubscribed or withdrew consent: 1");

        TestServer.Run unknown = TestServer.command(
                database, dataDir, "campaign", "status", UUID.randomUUID().toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("There is no campaign ");
    }

    @Test
    void aMalformedIdIsAUsageErrorThatStartsNoDatabase() {
        TestServer.Run malformed = TestServer.command(NO_DATABASE, dataDir, "campaign", "status", "spring-news");
        TestServer.Run missing = TestServer.command(NO_DATABASE, dataDir, "campaign", "status");

        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("Usage: java -jar steward.jar campaign status");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required parameter: 'ID'");
    }

    private static void message(JdbcClient jdbc, UUID campaign, String status, String reason) {
        jdbc.sql("""
                        INSERT INTO campaign_message (id, campaign_id, email_index, subject_id, status, reason)
                        VALUES (:id, :campaign, :index, :subject, :status, :reason)
                        """)
                .param("id", UUID.randomUUID())
                .param("campaign", campaign)
                .param("index", UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                .param("subject", UUID.randomUUID())
                .param("status", status)
                .param("reason", reason)
                .update();
    }
}
