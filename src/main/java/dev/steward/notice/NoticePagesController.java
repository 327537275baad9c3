package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.platform.NotFoundException;
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
 * force; older versions exactly as they were published.
 */
@Controller
class NoticePagesController {

    private static final String MAIN = "<main ";

    private final Catalogs catalogs;
    private final PublishedNotices notices;
    private final NoticeVersionRepository versions;
    private final NoticeVersionDiffs diffs;
    private final NoticePages pages;
    private final NoticeAnnouncements announcements;

    NoticePagesController(
            Catalogs catalogs,
            PublishedNotices notices,
            NoticeVersionRepository versions,
            NoticeVersionDiffs diffs,
            NoticePages pages,
            NoticeAnnouncements announcements) {
        this.catalogs = catalogs;
        this.notices = notices;
        this.versions = versions;
        this.diffs = diffs;
        this.pages = pages;
        this.announcements = announcements;
    }

    @GetMapping("/s/{site}/privacy")
    ResponseEntity<String> privacy(
            @PathVariable String site, @RequestParam(required = false) String region, HttpServletRequest request) {
        ResponseEntity<String> page = published(notices.inForce(site), region(site, region, request), "privacy");
        return announcements
                .current(site, Locale.forLanguageTag(VisitorLanguages.of(catalogs.requireSite(site))))
                .map(announcement -> withAnnouncement(page, announcement))
                .orElse(page);
    }

    /**
     * The version as published, with the announcement of its change at the top of its main part: the stored page
     * stays as it was, and the announcement ends with the period the catalog sets.
     */
    private ResponseEntity<String> withAnnouncement(
            ResponseEntity<String> page, NoticeAnnouncements.Announcement announcement) {
        String html = page.getBody();
        int main = html == null ? -1 : html.indexOf(MAIN);
        if (main < 0) {
            return page;
        }
        int at = html.indexOf('>', main) + 1;
        String section = pages.render("notice/announcement", Map.of("announcement", announcement));
        return ResponseEntity.status(page.getStatusCode())
                .headers(page.getHeaders())
                .body(html.substring(0, at) + section + html.substring(at));
    }

    @GetMapping("/s/{site}/cookies")
    ResponseEntity<String> cookies(
            @PathVariable String site, @RequestParam(required = false) String region, HttpServletRequest request) {
        return published(notices.inForce(site), region(site, region, request), "cookies");
    }

    @GetMapping("/s/{site}/privacy/v/{version}")
    ResponseEntity<String> version(
            @PathVariable String site,
            @PathVariable String version,
            @RequestParam(required = false) String region,
            HttpServletRequest request) {
        return published(notices.version(site, version), region(site, region, request), "privacy");
    }

    @GetMapping("/s/{site}/privacy/history")
    ResponseEntity<String> history(@PathVariable String site) {
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
                        notices.inForce(site))));
    }

    @GetMapping("/s/{site}/privacy/diff")
    ResponseEntity<String> diff(@PathVariable String site, @RequestParam String from, @RequestParam String to) {
        Site found = catalogs.requireSite(site);
        return html(pages.render(
                "notice/diff",
                Map.of(
                        "site",
                        found,
                        "siteName",
                        found.name().in(VisitorLanguages.of(found)),
                        "diff",
                        diffs.between(site, from, to),
                        "sentences",
                        diffs.sentences(site, from, to, LocaleContextHolder.getLocale()))));
    }

    private String region(String site, @Nullable String requested, HttpServletRequest request) {
        Catalog catalog = catalogs.of(site);
        return Regions.resolve(catalog, catalog.site(site).orElseThrow(), requested, request);
    }

    /**
     * An edition that did not serve the region (the 2017 notice had no EU section) applied to everyone in its
     * default region, so that is what a visitor of the region read then.
     */
    private ResponseEntity<String> published(NoticeVersion version, String region, String page) {
        String html = versions.rendition(version.id(), region, page)
                .or(() -> versions.regions(version.id()).stream()
                        .findFirst()
                        .flatMap(fallback -> versions.rendition(version.id(), fallback, page)))
                .orElseThrow(
                        () -> new NotFoundException("Version " + version.version() + " has no " + page + " page."));
        return ResponseEntity.ok()
                .header(HttpHeaders.VARY, "Accept-Language, CF-IPCountry, CloudFront-Viewer-Country, X-Country-Code")
                .contentType(MediaType.TEXT_HTML)
                .body(html);
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(body);
    }
}
