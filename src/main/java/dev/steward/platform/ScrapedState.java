package dev.steward.platform;

/**
 * Metrics that describe the database's state rather than this node's events (requests overdue, the oldest item
 * waiting to go out, the age of the last signed checkpoint): read from the database when Prometheus scrapes, so that
 * every node reports the same current values and nothing polls between scrapes.
 */
public interface ScrapedState {

    /** Brings this module's gauges up to date; called before each authorised scrape of {@code /actuator/prometheus}. */
    void refresh();
}
