package dev.steward.accounts;

import dev.steward.catalog.Catalog;
import dev.steward.vault.ErasureBlocker;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A record that outlived its holder's deletion, as the goodbye page names it: what, why, and through which day. A
 * blocker ends at the start of a UTC day (a hold typed as "until 31 March"), so the day is taken in UTC, not in the
 * site's zone where it would read as the next day; the page words it in the visitor's language.
 */
record KeptRecord(String activity, String reason, LocalDate through) {

    static KeptRecord of(Catalog catalog, String language, ErasureBlocker blocker) {
        return new KeptRecord(
                catalog.activity(blocker.activity())
                        .map(activity -> activity.name().in(language))
                        .orElse(blocker.activity()),
                blocker.reason(),
                LocalDate.ofInstant(blocker.until().minusNanos(1), ZoneOffset.UTC));
    }
}
