package dev.steward.accounts;

import dev.steward.catalog.Catalog;
import dev.steward.vault.ErasureBlocker;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A record that outlived its holder's deletion, as the goodbye page names it: what, why, and through which day. */
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
