package dev.steward.accounts;

import dev.steward.platform.DeviceTrust;
import dev.steward.vault.SubjectId;
import java.time.Instant;

/** A browser in which an account signed in, known by the SHA-256 of its cookie's random id. */
record AccountDevice(String idSha256, String site, SubjectId subject, DeviceTrust trust) {

    /** Whether the browser counts for this account now: trusted, or locked by wrong passwords typed in it. */
    boolean speaksFor(Account account, Instant now) {
        return site.equals(account.site()) && subject.equals(account.subject()) && trust.countsAt(now);
    }

    @Override
    public String toString() {
        return "AccountDevice[site=" + site + ", subject=" + subject + "]";
    }
}
