package dev.steward.catalog;

import org.jspecify.annotations.Nullable;

/**
 * How long records of an activity are kept. The rule is written as an event and an optional delay
 * ({@code case-closed + P30D}), an event alone ({@code session-end}, {@code while-subscribed},
 * {@code until-purpose-ends}), an inactivity period ({@code account-inactive P24M}) or a fixed period from
 * collection ({@code P6M}). A statutory minimum keeps records at least that long after collection, whatever
 * anyone asks.
 */
public record RetentionRule(
        String key,
        Schedule rule,
        @Nullable Span statutoryMinimum,
        @Nullable LocalizedText statutoryReason,
        LocalizedText description) {

    /** The event that starts the clock. */
    public enum Trigger {
        COLLECTED("collected"),
        SESSION_END("session-end"),
        CASE_CLOSED("case-closed"),
        UNSUBSCRIBED("while-subscribed"),
        ACCOUNT_INACTIVE("account-inactive"),
        PURPOSE_ENDED("until-purpose-ends");

        private final String keyword;

        Trigger(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * A parsed rule. For {@link Trigger#ACCOUNT_INACTIVE} the span is the inactivity period; for every other
     * trigger it is the delay after the event.
     */
    public record Schedule(Trigger trigger, Span span) {

        public static Schedule parse(String text) {
            String value = text.trim();
            if (value.startsWith("P")) {
                return new Schedule(Trigger.COLLECTED, Span.parse(value));
            }
            String[] parts = value.split("\\s*\\+\\s*|\\s+", 2);
            Trigger trigger = trigger(parts[0]);
            Span span = parts.length > 1 ? Span.parse(parts[1]) : Span.ofDays(0);
            if (trigger == Trigger.ACCOUNT_INACTIVE && span.isZero()) {
                throw new IllegalArgumentException("'account-inactive' needs a period, e.g. 'account-inactive P24M'");
            }
            return new Schedule(trigger, span);
        }

        private static Trigger trigger(String keyword) {
            for (Trigger trigger : Trigger.values()) {
                if (trigger.keyword.equals(keyword)) {
                    return trigger;
                }
            }
            if ("unsubscribed".equals(keyword)) {
                return Trigger.UNSUBSCRIBED;
            }
            throw new IllegalArgumentException("unknown retention event '" + keyword
                    + "'; expected collected, session-end, case-closed, while-subscribed, account-inactive,"
                    + " until-purpose-ends or an ISO-8601 period such as P6M");
        }

        @Override
        public String toString() {
            if (trigger == Trigger.COLLECTED) {
                return span.toString();
            }
            if (trigger == Trigger.ACCOUNT_INACTIVE) {
                return trigger.keyword + " " + span;
            }
            return span.isZero() ? trigger.keyword : trigger.keyword + " + " + span;
        }
    }
}
