package dev.steward.notice;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A version of a site's notice was published for the first time. {@code previous} is the version it follows (the
 * newest that took effect no later than it), or null for a site's first notice; only a material change that follows
 * another version is something people must be told about.
 */
public record NoticeVersionPublished(
        String site, String version, @Nullable String previous, boolean material, LocalDate effective) {

    /** Whether people concerned must be told (seed 001 §6, seed 002): a material change of an earlier notice. */
    public boolean mustBeAnnounced() {
        return material && previous != null;
    }
}
