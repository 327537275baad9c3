package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The visitor's notice pages. The notice and cookie policy are served exactly as published for the version in
 * force, in the visitor's language; older versions exactly as they were published.
 */
@Controller
class NoticePagesController {

    private static final String MAIN = "<main ";

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final NoticeVersionDiffs diffs;
    private final NoticePages pages;
    private final NoticeAnnouncements announcements;
    private final RegionSwitch regionSwitch;

    NoticePagesController(
            Catalogs catalogs,
            PublishedNotices notices,
            NoticeVersionDiffs diffs,
            NoticePages pages,
            NoticeAnnouncements announcements,
            RegionSwitch regionSwitch) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.diffs = diffs;
        this.pages = pages;
        this.announcements = announcements;
        this.regionSwitch = regionSwitch;
    }

    @GetMapping("/s/{site}/privacy")
    ResponseEntity<String> privacy(
            @PathVariable String site, @RequestParam(required = false) String region, HttpServletRequest request) {
        String html = published(notices.inForce(site), region(site, region, request), "privacy");
        return html(announcements
                .current(site, Locale.forLanguageTag(VisitorLanguages.of(catalogs.requireSite(site))))
                .map(announcement ->
                        inMain(html, pages.render("notice/announcement", Map.of("announcement", announcement))))
                .orElse(html));
    }

    /**
     * A section at the top of the stored page's main part (the announcement of its change, the note that it was not
     * published in the visitor's language): the stored page stays as it was.
     */
    private static String inMain(String html, String section) {
        int main = html.indexOf(MAIN);
        if (main < 0) {
            return html;
        }
        int at = html.indexOf('>', main) + 1;
        return html.substring(0, at) + section + html.substring(at);
    }

    @GetMapping("/s/{site}/cookies")
    ResponseEntity<String> cookies(
            @PathVariable String site, @RequestParam(required = false) String region, HttpServletRequest request) {
        return html(published(notices.inForce(site), region(site, region, request), "cookies"));
    }

    @GetMapping("/s/{site}/privacy/v/{version}")
    ResponseEntity<String> version(
            @PathVariable String site,
            @PathVariable String version,
            @RequestParam(required = false) String region,
            HttpServletRequest request) {
        return html(published(notices.version(site, version), region(site, region, request), "privacy"));
    }

    @GetMapping("/s/{site}/privacy/history")
    ResponseEntity<String> history(@PathVariable String site, HttpServletRequest request) {
        Site found = catalogs.requireSite(site);
        List<NoticeVersion> history = notices.history(site);
        return html(pages.render(
                "notice/history",
                Map.of(
                        "site",
                        found,
                        "siteName",
                        found.name().in(VisitorLanguages.of(found)),
                        "versions",
                        history,
                        "inForce",
                        notices.inForce(site),
                        // the visitor's region, whose clock the times of publication are read on
                        "region",
                        region(site, null, request))));
    }

    @GetMapping("/s/{site}/privacy/diff")
    ResponseEntity<String> diff(@PathVariable String site, @RequestParam String from, @RequestParam String to) {
        Site found = catalogs.requireSite(site);
        String language = VisitorLanguages.of(found);
        DiffSentences.Told told = diffs.sentences(site, from, to, LocaleContextHolder.getLocale());
        return html(pages.render(
                "notice/diff",
                Map.of(
                        "site",
                        found,
                        "siteName",
                        found.name().in(language),
                        "diff",
                        diffs.between(site, from, to),
                        "sentences",
                        told.sentences(),
                        // elements the catalog does not translate, and changed wording, read in the default language
                        "pageTranslated",
                        told.translated(language.equals(found.language())))));
    }

    private String region(String site, @Nullable String requested, HttpServletRequest request) {
        Catalog catalog = catalogs.of(site);
        return Regions.resolve(catalog, catalog.site(site).orElseThrow(), requested, request);
    }

    /**
     * The stored page in the visitor's language. A version stored without it (published before the site declared
     * the language) is served in the site's default language, with a note in the visitor's language saying so.
     */
    private String published(NoticeVersion version, String region, String page) {
        Site site = catalogs.requireSite(version.site());
        String language = VisitorLanguages.of(site);
        NoticeRendition rendition = notices.rendition(version, region, page, language);
        String html = regionSwitch.named(rendition.html(), version.site(), rendition.language());
        return rendition.language().equals(language)
                ? html
                : inMain(
                        html,
                        pages.render(
                                "notice/untranslated",
                                Map.of("language", Locale.forLanguageTag(rendition.language()))));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.VARY,
                        "Accept-Language, Cookie, CF-IPCountry, CloudFront-Viewer-Country, X-Country-Code")
                .contentType(MediaType.TEXT_HTML)
                .body(body);
    }
}
