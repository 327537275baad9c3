package dev.steward.notice;

import dev.steward.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Service;

/** Which notice version is in force for a site, so that evidence can name exactly what a person was shown. */
@Service
public class PublishedNotices {

    private final NoticeVersionRepository versions;
    private final Clock clock;

    PublishedNotices(NoticeVersionRepository versions, Clock clock) {
        this.versions = versions;
        this.clock = clock;
    }

    public NoticeVersion inForce(String site) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return versions.inForce(site, today)
                .orElseThrow(() -> new NotFoundException("Site '" + site + "' has no published notice."));
    }

    public NoticeVersion version(String site, String version) {
        return versions.find(site, version)
                .orElseThrow(
                        () -> new NotFoundException("Site '" + site + "' has no notice version '" + version + "'."));
    }

    public List<NoticeVersion> history(String site) {
        return versions.history(site);
    }
}
