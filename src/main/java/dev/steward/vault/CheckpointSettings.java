package dev.steward.vault;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the heads of the evidence chains are signed. A row removed from the end of a chain, with the chain's head
 * moved back to match, contradicts only a checkpoint signed after the row was written: the window in which such a
 * removal goes unseen is at most one interval or this many rows, whichever comes first.
 *
 * @param interval a chain that grew is signed at least this often
 * @param rows a chain is signed as soon as it grew by this many rows since its last checkpoint
 * @param poll how often each node looks whether a chain is due
 */
@ConfigurationProperties("steward.checkpoints")
record CheckpointSettings(Duration interval, long rows, Duration poll) {}
