package dev.steward.vault;

import java.util.List;

/**
 * How many records of one site's activity fall due when: {@code counts} has one entry per interval asked for (up to
 * the first bound, between bounds, after the last), {@code undated} those whose due time is not known yet (a case
 * still open, a subscription still running).
 */
public record DueCount(String site, String activity, String retentionRule, List<Long> counts, long undated) {

    public DueCount {
        counts = List.copyOf(counts);
    }
}
