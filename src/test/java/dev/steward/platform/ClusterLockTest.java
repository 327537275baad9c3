package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.StewardTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction holding a cluster lock holds no snapshot while it waits for its job: a sweep holds its lock for the
 * whole run, and a snapshot kept that long keeps PostgreSQL from treating as dead anything deleted meanwhile.
 */
@StewardTest
class ClusterLockTest {

    @Autowired
    ClusterLock lock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theHolderOfALockHoldsBackNoRowVersionsWhileItWaits() {
        TransactionTemplate other = new TransactionTemplate(transaction.getTransactionManager());
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Map<String, Object> holder = transaction.execute(status -> {
            int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
            assertThat(lock.tryLock("cluster-lock-test")).isTrue();
            // seen from another connection, as PostgreSQL's horizon sees it, while the lock's transaction is open
            Map<String, Object> seen = other.execute(
                    inner -> jdbc.sql("""
                            SELECT state, backend_xmin::text AS xmin FROM pg_stat_activity WHERE pid = :pid
                            """).param("pid", pid).query().singleRow());
            status.setRollbackOnly();
            return seen;
        });

        assertThat(holder).containsEntry("state", "idle in transaction");
        assertThat(holder.get("xmin")).isNull();
    }
}
