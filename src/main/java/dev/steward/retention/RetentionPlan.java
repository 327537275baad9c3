package dev.steward.retention;

import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.Site;
import dev.steward.vault.DueCount;
import dev.steward.vault.RecordDueTimes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What will be deleted and when: per site and activity, the catalog's rule and how many records fall due in each
 * period. For the request log the count is of visitor sessions, whose full IP addresses go when they end.
 */
@Service
class RetentionPlan {

    /** The periods of the plan, after "overdue": the next day, the rest of the week, the rest of the month. */
    static final List<Duration> HORIZONS = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    private final RecordDueTimes dueTimes;
    private final List<ExpiringData> otherData;
    private final RetentionRules rules;
    private final Clock clock;

    RetentionPlan(RecordDueTimes dueTimes, List<ExpiringData> otherData, RetentionRules rules, Clock clock) {
        this.dueTimes = dueTimes;
        this.otherData = otherData;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * @param overdue due now or earlier and not erased yet: the next sweep erases them, unless held or kept for a
     *     statutory minimum
     * @param undated records whose rule waits for an event (a case closed, an unsubscription) that has not happened
     * @param activityName null for an activity the catalog no longer declares: the page says so in its reader's
     *     language
     */
    record Row(
            String site,
            String activity,
            @Nullable String activityName,
            @Nullable String ruleKey,
            @Nullable String rule,
            @Nullable String statutoryMinimum,
            @Nullable String statutoryReason,
            boolean untilPurposeEnds,
            long overdue,
            long nextDay,
            long nextWeek,
            long nextMonth,
            long later,
            long undated) {

        public long total() {
            return overdue + nextDay + nextWeek + nextMonth + later + undated;
        }
    }

    record Plan(Instant at, List<Row> rows) {}

    Plan plan(Predicate<String> maySee) {
        Instant now = clock.instant();
        List<Instant> bounds = new ArrayList<>();
        bounds.add(now);
        HORIZONS.forEach(horizon -> bounds.add(now.plus(horizon)));
        Map<String, long[]> counts = new LinkedHashMap<>();
        dueTimes.dueCounts(bounds).forEach(count -> add(counts, count));
        otherData.forEach(data -> data.dueCounts(bounds).forEach(count -> add(counts, count)));
        List<Row> rows = new ArrayList<>();
        for (Site site : rules.sites()) {
            if (maySee.test(site.key())) {
                for (ProcessingActivity activity : rules.activitiesOf(site.key())) {
                    rows.add(row(site.key(), activity, counts.remove(key(site.key(), activity.key()))));
                }
            }
        }
        counts.forEach((key, values) -> {
            String site = key.substring(0, key.indexOf('/'));
            if (maySee.test(site)) {
                rows.add(orphan(site, key.substring(key.indexOf('/') + 1), values));
            }
        });
        return new Plan(now, List.copyOf(rows));
    }

    /** An activity by the name the plan shows it under, for the page's messages; empty if the site has none such. */
    Optional<String> activityName(String site, String activity) {
        return rules.activitiesOf(site).stream()
                .filter(declared -> declared.key().equals(activity))
                .map(ProcessingActivity::name)
                .map(name -> name.in(LocalizedText.DEFAULT_LANGUAGE))
                .findFirst();
    }

    private Row row(String site, ProcessingActivity activity, long @Nullable [] counts) {
        RetentionRule rule = activity.retention() == null
                ? null
                : rules.of(site, activity.retention()).orElse(null);
        return row(
                site,
                activity.key(),
                activity.name().in(LocalizedText.DEFAULT_LANGUAGE),
                activity.retention(),
                rule,
                counts == null ? new long[6] : counts);
    }

    /** Records of an activity the catalog no longer declares: they keep the due time they were given. */
    private static Row orphan(String site, String activity, long[] counts) {
        return row(site, activity, null, null, null, counts);
    }

    private static Row row(
            String site,
            String activity,
            @Nullable String name,
            @Nullable String ruleKey,
            @Nullable RetentionRule rule,
            long[] counts) {
        return new Row(
                site,
                activity,
                name,
                ruleKey,
                rule == null ? null : rule.rule().toString(),
                rule == null || rule.statutoryMinimum() == null
                        ? null
                        : rule.statutoryMinimum().toString(),
                rule == null || rule.statutoryReason() == null
                        ? null
                        : rule.statutoryReason().toString(),
                rule != null && rule.rule().trigger() == RetentionRule.Trigger.PURPOSE_ENDED,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5]);
    }

    private static void add(Map<String, long[]> counts, DueCount count) {
        long[] values = counts.computeIfAbsent(key(count.site(), count.activity()), key -> new long[6]);
        for (int i = 0; i < 5; i++) {
            values[i] += count.counts().get(i);
        }
        values[5] += count.undated();
    }

    private static String key(String site, String activity) {
        return site + "/" + activity;
    }
}
