package dev.steward.notice;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A published, immutable version of a site's privacy notice. */
public record NoticeVersion(
        long id,
        String site,
        String version,
        LocalDate effective,
        @Nullable LocalDate lastModified,
        String significance,
        Instant publishedAt,
        String contentHash) {

    /** Where anyone can read this version exactly as it was published. */
    public String path() {
        return "/s/" + site + "/privacy/v/" + version;
    }
}
