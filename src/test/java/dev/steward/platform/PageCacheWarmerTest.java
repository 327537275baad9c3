package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.test.StewardTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The warmer finds the files PostgreSQL keeps a relation in, and never fails the work it only speeds up: a database it
 * cannot ask, or a name no relation has, warms nothing.
 */
@StewardTest
class PageCacheWarmerTest {

    @Autowired
    PageCacheWarmer warmer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsTheFilesOfEachNamedRelationInOrderAndLeavesOutUnknownNames() throws Exception {
        // an external test database (steward.test.database=external) may keep its files on another machine
        assumeTrue(Files.isDirectory(Path.of(jdbc.sql("SELECT current_setting('data_directory')")
                .query(String.class)
                .single())));
        List<Path> files = warmer.files(List.of("consent_event_latest", "no_such_index", "subject_identifier_pkey"));

        assertThat(files).hasSize(2);
        assertThat(files).allSatisfy(file -> assertThat(Files.isReadable(file)).isTrue());
        // PostgreSQL's own files, whole pages of them: the index's, then the primary key's
        assertThat(files.get(0).toString()).endsWith(filePath("consent_event_latest"));
        assertThat(files.get(1).toString()).endsWith(filePath("subject_identifier_pkey"));
        for (Path file : files) {
            assertThat(Files.size(file)).isPositive();
            assertThat(Files.size(file) % 8192).isZero();
        }
    }

    @Test
    void warmingCompletesNormallyAndSoDoesWarmingADatabaseItCannotReach() throws Exception {
        warmer.warm(List.of("consent_event_latest", "no_such_index"), Runnable::run)
                .get(30, TimeUnit.SECONDS);

        PageCacheWarmer unreachable = new PageCacheWarmer(
                JdbcClient.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "none", "none")));
        assertThat(unreachable.warm(List.of("consent_event_latest"), Runnable::run))
                .succeedsWithin(30, TimeUnit.SECONDS);
    }

    private String filePath(String relation) {
        return jdbc.sql("SELECT pg_relation_filepath(to_regclass(:relation))")
                .param("relation", relation)
                .query(String.class)
                .single();
    }
}
