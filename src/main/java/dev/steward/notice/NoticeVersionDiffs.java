package dev.steward.notice;

import dev.steward.catalog.Catalogs;
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
    private final Catalogs catalogs;

    NoticeVersionDiffs(
            PublishedNotices notices,
            NoticeVersionRepository versions,
            JsonMapper json,
            DiffSentences sentences,
            Catalogs catalogs) {
        this.catalogs = catalogs;
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

    /**
     * The diff told as sentences in the language asked for, each element named in it where the catalog translates
     * it as the version words it, else in the site's default language.
     */
    DiffSentences.Told sentences(String site, String from, String to, Locale locale) {
        SiteFacts before = facts(notices.version(site, from)).site();
        SiteFacts after = facts(notices.version(site, to)).site();
        ElementNames names = ElementNames.forReader(catalogs, site, locale);
        List<DiffSentences.Sentence> told = sentences.of(
                new NoticeDiff(site, from, to, before.changesTo(after)),
                before,
                after,
                locale,
                names.distinctIn(before, after));
        return new DiffSentences.Told(told, names.untranslated());
    }

    PublishedFacts facts(NoticeVersion version) {
        return json.readValue(versions.facts(version.id()), PublishedFacts.class);
    }
}
