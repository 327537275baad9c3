package dev.steward.notice;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Compares two published versions of a site's notice by their stored facts. */
@Component
class NoticeVersionDiffs {

    private final PublishedNotices notices;
    private final NoticeVersionRepository versions;
    private final JsonMapper json;

    NoticeVersionDiffs(PublishedNotices notices, NoticeVersionRepository versions, JsonMapper json) {
        this.notices = notices;
        this.versions = versions;
        this.json = json;
    }

    NoticeDiff between(String site, String from, String to) {
        SiteFacts before = facts(notices.version(site, from)).site();
        SiteFacts after = facts(notices.version(site, to)).site();
        return new NoticeDiff(site, from, to, before.changesTo(after));
    }

    PublishedFacts facts(NoticeVersion version) {
        return json.readValue(versions.facts(version.id()), PublishedFacts.class);
    }
}
