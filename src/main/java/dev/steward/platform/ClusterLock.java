package dev.steward.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets one node of several sharing the database do a job at a time: a PostgreSQL advisory lock held until the
 * caller's transaction ends. A node that does not get it skips the run; the node holding it does the work.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;

    ClusterLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryLock(String job) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:job, 0))")
                .param("job", "steward:" + job)
                .query(Boolean.class)
                .single());
    }
}
