package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.Sha256;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the pages of a published version in every language its site declares, each rendered from the facts in that
 * language. A rendition, once stored, is what was shown and never changes: a catalog whose translation of a
 * published version reads differently is refused, as a changed notice is; a language the site declares later is
 * added to the versions it publishes.
 */
@Component
class NoticeRenditions {

    private static final String LEGACY = "";

    private final NoticeVersionRepository versions;
    private final NoticePages pages;
    private final JsonMapper json;

    NoticeRenditions(NoticeVersionRepository versions, NoticePages pages, JsonMapper json) {
        this.versions = versions;
        this.pages = pages;
        this.json = json;
    }

    /** Stores the renditions of the version missing so far; run in the caller's transaction. */
    void storeMissing(NoticeVersion version, Catalog catalog, Site site) {
        Map<String, Map<String, Optional<String>>> stored = versions.renditionFacts(version.id());
        for (String language : VisitorLanguages.declared(site)) {
            for (Jurisdiction jurisdiction : catalog.jurisdictionsOf(site)) {
                NoticeComposer composer = new NoticeComposer(catalog, site, jurisdiction, language);
                NoticeFacts facts = composer.compose();
                String factsSha256 = Sha256.hex(json.writeValueAsString(facts));
                Map<String, Optional<String>> inRegion = stored.getOrDefault(jurisdiction.key(), Map.of());
                if (inRegion.containsKey(language)) {
                    requireUnchanged(version, language, inRegion.get(language), factsSha256);
                } else if (!(language.equals(site.language()) && inRegion.containsKey(LEGACY))) {
                    store(version.id(), jurisdiction.key(), language, facts, factsSha256, composer);
                }
            }
        }
    }

    private void store(
            long versionId,
            String region,
            String language,
            NoticeFacts facts,
            String factsSha256,
            NoticeComposer composed) {
        Locale locale = Locale.forLanguageTag(language);
        PartLanguages parts = composed.partLanguages();
        String privacy = pages.privacy(facts, locale, composed.untranslated() == 0, parts);
        String cookies = pages.cookies(facts, locale, composed.untranslatedInCookiePolicy() == 0, parts);
        versions.insertRendition(versionId, region, "privacy", language, privacy, factsSha256);
        versions.insertRendition(versionId, region, "cookies", language, cookies, factsSha256);
    }

    private static void requireUnchanged(
            NoticeVersion version, String language, Optional<String> stored, String factsSha256) {
        if (stored.isPresent() && !stored.get().equals(factsSha256)) {
            throw new IllegalStateException("The catalog changes the "
                    + Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH)
                    + " text of the notice of site '" + version.site()
                    + "', but its notice.version is still '" + version.version() + "', which was published in that"
                    + " language on " + version.publishedAt() + " and cannot change. Give the revision a new"
                    + " notice.version.");
        }
    }
}
