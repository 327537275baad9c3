package dev.steward.notice;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Compares two published versions of a site's notice by their stored facts. */
@Component
class NoticeVersionDiffs {

    private final PublishedNotices notices;
    private final NoticeVersionRepository versions;
    private final JsonMapper json;
    private final DiffSentences sentences;

    NoticeVersionDiffs(
            PublishedNotices notices, NoticeVersionRepository versions, JsonMapper json, DiffSentences sentences) {
        this.notices = notices;
        this.versions = versions;
        this.json = json;
        this.sentences = sentences;
    }

    NoticeDiff between(String site, String from, String to) {
        SiteFacts before = facts(notices.version(site, from)).site();
        SiteFacts after = facts(notices.version(site, to)).site();
        return new NoticeDiff(site, from, to, before.changesTo(after));
    }

    /** The diff told as sentences in the language asked for. */
    List<DiffSentences.Sentence> sentences(String site, String from, String to, Locale locale) {
        SiteFacts before = facts(notices.version(site, from)).site();
        SiteFacts after = facts(notices.version(site, to)).site();
        return sentences.of(new NoticeDiff(site, from, to, before.changesTo(after)), before, after, locale);
    }

    PublishedFacts facts(NoticeVersion version) {
        return json.readValue(versions.facts(version.id()), PublishedFacts.class);
    }
}
