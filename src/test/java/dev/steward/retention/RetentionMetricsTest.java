package dev.steward.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Scrape;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.test.Visitor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Every retention metric the README lists, read as Prometheus reads it after a sweep erased and expired data. */
@StewardTest
@TestPropertySource(properties = Scrape.OWN_CONTEXT)
class RetentionMetricsTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aSweepCountsWhatItErasedKeptAndExpiredAndShowsItsProgress() {
        String[] key = Scrape.metricsKey(port);
        Scrape idle = Scrape.of(port, key);
        new Visitor(port, "198.51.100.77").get("/s/olympus-ims/");
        // the statistics flush the request log's buffer, so that the visit is in the table the sweep reads
        new Http(port).get("/api/v1/admin/statistics?site=olympus-ims", ADMIN);
        clock.advance(Duration.ofMinutes(31));
        DueRecords due =
                DueRecords.seed(jdbc, 12, "bulk", "bulk-day", clock.instant().minusSeconds(60));

        assertThat(new Http(port)
                        .send("POST", "/api/v1/admin/retention/sweeps", ADMIN)
                        .statusCode())
                .isEqualTo(200);
        Scrape swept = Scrape.of(port, key);

        assertThat(idle.has("steward_retention_batches_total"))
                .as("there before any sweep")
                .isTrue();
        assertThat(idle.has("steward_retention_records_kept_total")).isTrue();
        assertThat(idle.value("steward_retention_sweep_running")).isZero();
        String[] bulk = {"site", "lab", "activity", "bulk"};
        assertThat(swept.since(idle, "steward_retention_records_erased_total", bulk))
                .isEqualTo(12);
        assertThat(swept.value("steward_retention_batches_total"))
                .isGreaterThan(idle.value("steward_retention_batches_total"));
        assertThat(swept.value("steward_retention_sweep_erased")).isGreaterThanOrEqualTo(12);
        assertThat(swept.value("steward_retention_sweep_running")).isZero();
        assertThat(swept.labels("steward_retention_expired_total"))
                .extracting(labels -> labels.get("what"))
                .anySatisfy(what -> assertThat(what).startsWith("olympus-ims/").contains("sessions ended"));
        assertThat(due.remaining(jdbc)).isZero();
        assertThat(swept.text()).doesNotContain("198.51.100");
    }
}
