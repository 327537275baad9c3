package dev.steward.staff;

import dev.steward.platform.DeviceTrust;
import java.time.Instant;

/** A browser in which a member signed in to the console, known by the SHA-256 of its cookie's random id. */
record StaffDevice(String idSha256, String username, DeviceTrust trust) {

    /** Whether the browser counts for this member now: trusted, or locked by wrong passwords typed in it. */
    boolean speaksFor(String member, Instant now) {
        return username.equals(member) && trust.countsAt(now);
    }
}
