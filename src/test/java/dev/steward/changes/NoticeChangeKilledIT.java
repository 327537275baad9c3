package dev.steward.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.InitializedSteward;
import dev.steward.test.SlowSmtp;
import dev.steward.test.StewardProcess;
import dev.steward.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A material notice change telling {@value #PEOPLE} people, Steward killed with SIGKILL while it tells them (a third
 * recorded as told) and started again on the same database: every address gets the change's mail, under one
 * Message-ID (a mail in flight at the kill may arrive once more under that same id), no address two mails.
 */
class NoticeChangeKilledIT {

    private static final int PEOPLE = 1_000;
    private static final int PORT = 18872;
    /** What the outbox can have in flight at once (its workers times their claim), as in OutboundCrashIT. */
    private static final int IN_FLIGHT = 2 * 10;

    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID: *(\\S+)");
    private static final Pattern TO = Pattern.compile("(?mi)^To: *(\\S+)");

    @Test
    void aChangeToldHalfWayWhenKilledTellsEveryAddressOnceAfterTheRestart() throws Exception {
        InitializedSteward steward = InitializedSteward.copy(
                "notice_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = JdbcClient.create(
                new DriverManagerDataSource(steward.database(), TestDatabase.user(), TestDatabase.password()));
        StewardProcess.Finished seeded = StewardProcess.runBench(
                steward.database(),
                steward.dataDir(),
                Duration.ofSeconds(120),
                "bench",
                "subscribers",
                "--subjects",
                Integer.toString(PEOPLE),
                "--site",
                "omron-healthcare",
                "--activity",
                "surveys-and-contests");
        assertThat(seeded.exit()).as(seeded.output()).isZero();
        Path catalog = steward.dataDir().resolveSibling(steward.dataDir().getFileName() + "-omron.yml");
        Files.writeString(
                catalog, OmronChange.materialRevision(Files.readString(Path.of("examples/omron-2012/catalog.yml"))));

        long toldAtKill;
        int acceptedAtKill;
        try (SlowSmtp smtp = SlowSmtp.start(Duration.ofMillis(5))) {
            String[] settings = settings(catalog, smtp);
            try (StewardProcess first = StewardProcess.serve(
                    steward.database(), steward.dataDir(), PORT, Duration.ofSeconds(90), settings)) {
                first.awaitUntil(() -> told(jdbc) >= PEOPLE / 3, Duration.ofSeconds(90));
                first.kill();
            }
            toldAtKill = told(jdbc);
            acceptedAtKill = smtp.accepted().size();
            assertThat(toldAtKill).as("killed while telling").isBetween((long) PEOPLE / 3, PEOPLE - 1L);

            try (StewardProcess second = StewardProcess.serve(
                    steward.database(), steward.dataDir(), PORT, Duration.ofSeconds(90), settings)) {
                second.awaitUntil(() -> done(jdbc), Duration.ofSeconds(120));
            }

            Map<String, Set<String>> idsByAddress = new HashMap<>();
            for (String message : smtp.messages()) {
                idsByAddress
                        .computeIfAbsent(header(TO, message), address -> new HashSet<>())
                        .add(header(MESSAGE_ID, message));
            }
            List<String> twice = idsByAddress.entrySet().stream()
                    .filter(entry -> entry.getValue().size() > 1)
                    .map(Map.Entry::getKey)
                    .toList();
            System.out.println("NoticeChangeKilledIT: " + toldAtKill + " told and " + acceptedAtKill
                    + " mails accepted at the kill; " + smtp.accepted().size() + " deliveries to "
                    + idsByAddress.size() + " addresses after the restart");
            assertThat(idsByAddress).as("every address told").hasSize(PEOPLE);
            assertThat(twice).as("no address told by two mails").isEmpty();
            assertThat(told(jdbc)).as("every subject recorded as told, once").isEqualTo(PEOPLE);
            assertThat(smtp.accepted().size() - PEOPLE)
                    .as("only what was in flight at the kill arrives again")
                    .isBetween(0, IN_FLIGHT);
        }
    }

    private static String[] settings(Path catalog, SlowSmtp smtp) {
        return new String[] {
            "--steward.catalog=classpath:examples/olympus-2018," + catalog + ","
                    + Path.of("target", "test-classes", "catalogs", "lab").toAbsolutePath(),
            "--steward.mail.smtp.host=127.0.0.1",
            "--steward.mail.smtp.port=" + smtp.port(),
            "--steward.mail.smtp.from=privacy@omron.test",
            "--steward.mail.interval=PT1S",
            "--steward.notice-changes.interval=PT1S",
            "--steward.retention.scheduled=false",
            // a short lease, so the next start finds the mails in flight at the kill free again soon; attempts fit
            "--steward.outbound.lease=PT15S",
            "--steward.mail.smtp.timeout=PT3S",
            "--steward.outbound.connect-timeout=PT1S",
            "--steward.outbound.read-timeout=PT2S"
        };
    }

    private static long told(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM notice_change_recipient")
                .query(Long.class)
                .single();
    }

    /** The change completed and each of its mails sent. */
    private static boolean done(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM notice_change WHERE completed_at IS NULL)
                           AND EXISTS (SELECT 1 FROM notice_change)
                           AND NOT EXISTS (SELECT 1 FROM mail_message
                                            WHERE category = 'notice-change' AND status <> 'sent')
                        """).query(Boolean.class).single();
    }

    private static String header(Pattern header, String message) {
        Matcher matcher = header.matcher(message);
        assertThat(matcher.find()).as("a header in\n" + message).isTrue();
        return matcher.group(1);
    }
}
