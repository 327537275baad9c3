package dev.steward.notice;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Since which published version a site's cookies stand as they are now, but for editorial revisions. A cookie choice
 * made under an older version was made about other cookies, so the banner asks again; editorial versions, and material
 * ones that leave the cookies alone, keep the choices made before them.
 */
@Component
public class CookieRevisions {

    private final PublishedNotices notices;
    private final NoticeVersionDiffs diffs;
    /** Published versions never change, so the answer for a version in force holds for good. */
    private final Map<Long, String> revisions = new ConcurrentHashMap<>();

    CookieRevisions(PublishedNotices notices, NoticeVersionDiffs diffs) {
        this.notices = notices;
        this.diffs = diffs;
    }

    /** The label of the version that last changed the cookies materially, up to the version in force. */
    public String revision(String site) {
        NoticeVersion inForce = notices.inForce(site);
        return revisions.computeIfAbsent(inForce.id(), id -> revisionUpTo(site, inForce));
    }

    private String revisionUpTo(String site, NoticeVersion inForce) {
        List<NoticeVersion> newestFirst = notices.history(site);
        NoticeVersion later = inForce;
        for (NoticeVersion earlier : newestFirst.subList(indexOf(newestFirst, inForce) + 1, newestFirst.size())) {
            if ("material".equals(later.significance()) && cookiesChanged(site, earlier, later)) {
                break;
            }
            later = earlier;
        }
        return later.version();
    }

    private boolean cookiesChanged(String site, NoticeVersion earlier, NoticeVersion later) {
        return diffs.between(site, earlier.version(), later.version()).changes().stream()
                .anyMatch(change -> "cookies".equals(change.category()));
    }

    private static int indexOf(List<NoticeVersion> versions, NoticeVersion version) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).id() == version.id()) {
                return i;
            }
        }
        throw new IllegalStateException("Version " + version.version() + " is not in the history of its site");
    }
}
