package dev.steward.platform;

import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets one node of several sharing the database do a job at a time: a PostgreSQL advisory lock held until the
 * caller's transaction ends. A node that does not get it skips the run; the node holding it does the work.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ClusterLock(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tryLock(String job) {
        boolean locked = Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:job, 0))")
                .param("job", "steward:" + job)
                .query(Boolean.class)
                .single());
        // The driver leaves a query's portal open until the transaction's next statement, and an open portal keeps
        // its snapshot, so PostgreSQL's horizon stays where it was. A job that holds the lock while its work commits
        // in other transactions (a retention sweep: seconds, hundreds of thousands of rows) would keep every row it
        // deletes meanwhile from counting as dead, and its later index walks would step over each of them through the
        // table (bench/README.md, sweep14). A statement that takes no snapshot closes that portal.
        jdbc.sql("SHOW transaction_isolation").query(String.class).single();
        return locked;
    }

    /**
     * Runs batches of a job, each in its own transaction holding the lock, until one comes back short of
     * {@code batchSize}, or another node holds the lock. Short transactions keep locks and rows held briefly, and a
     * node that stops mid-way leaves the rest for the next turn of whichever node gets the lock.
     */
    public void inBatches(String job, int batchSize, IntSupplier batch) {
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(transaction.execute(status -> tryLock(job) && batch.getAsInt() == batchSize));
        }
    }
}
