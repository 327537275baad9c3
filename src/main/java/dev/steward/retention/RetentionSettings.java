package dev.steward.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the retention sweep runs.
 *
 * @param batchSize records claimed, erased and committed together; bounds each transaction and its locks
 * @param workers batches a node sweeps at once, each in a transaction of its own
 * @param sweepInterval the pause between two scheduled sweeps of a node
 * @param scheduled whether this node sweeps on its own (off in the test suite, whose tests sweep explicitly)
 */
@ConfigurationProperties("steward.retention")
record RetentionSettings(int batchSize, int workers, Duration sweepInterval, boolean scheduled) {}
