package dev.steward.weblog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request log.
 *
 * @param sessionIdle a visitor's session ends after this long without a request from the same IP address and
 *     browser to the same site; the full IP address is kept no longer
 * @param keep how long the rows, without any full IP address, are kept for statistics and security analysis
 * @param buffer requests held in memory between two writes (about one second); beyond that they are counted as
 *     dropped rather than slowing the site down
 * @param defaultMinimumCount the smallest count a statistics cell may show for a site whose catalog sets no
 *     {@code aggregateMinimumCount}
 */
@ConfigurationProperties("steward.weblog")
record WeblogSettings(Duration sessionIdle, Duration keep, int buffer, int defaultMinimumCount) {}
