package dev.steward.cookies;

import dev.steward.catalog.Catalogs;
import dev.steward.notice.NoticeAnnouncements;
import dev.steward.notice.PublishedNotices;
import dev.steward.notice.VisitorRegions;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.OwnAddress;
import dev.steward.platform.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The one line a site embeds, {@code /s/{site}/consent.js}: the banner for the visitor's jurisdiction and language,
 * which the request itself tells (a CDN's country header, the browser's languages, {@code ?region=} and
 * {@code ?lang=}), and whether the browser sends Global Privacy Control. Also the style sheet the strict variant links,
 * and {@code /.well-known/gpc.json}.
 */
@RestController
class ConsentScriptController {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
    private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
    /** The request headers the script depends on: caches must keep one copy per combination. */
    private static final String VARY =
            "Accept-Language, Sec-GPC, CF-IPCountry, CloudFront-Viewer-Country, X-Country-Code";

    private final Catalogs catalogs;
    private final Banners banners;
    private final ConsentScript script;
    private final VisitorRegions regions;
    private final PublishedNotices notices;
    private final NoticeAnnouncements announcements;
    private final OwnAddress own;

    ConsentScriptController(
            Catalogs catalogs,
            Banners banners,
            ConsentScript script,
            VisitorRegions regions,
            PublishedNotices notices,
            NoticeAnnouncements announcements,
            OwnAddress own) {
        this.own = own;
        this.catalogs = catalogs;
        this.banners = banners;
        this.script = script;
        this.regions = regions;
        this.notices = notices;
        this.announcements = announcements;
    }

    @GetMapping("/s/{site}/consent.js")
    ResponseEntity<String> script(
            @PathVariable String site,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String csp,
            HttpServletRequest request,
            WebRequest web) {
        banners.bannerOf(site);
        String jurisdiction = regions.resolve(site, region, request);
        String language = lang != null ? requireLanguage(site, lang) : banners.language(site, locales(request));
        BannerView banner = banners.view(site, jurisdiction, language);
        String body = script.render(
                banner,
                addresses(site),
                Gpc.sentBy(request),
                "strict".equals(csp),
                announcements.current(site, Locale.forLanguageTag(language)).orElse(null));
        // revalidated on every page: a new notice version or a changed catalog must reach the next page view
        String etag = "\"" + Sha256.hex(body) + "\"";
        if (web.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(etag)
                .header("Vary", VARY)
                // other websites embed it: a same-origin resource policy would block them
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .body(body);
    }

    @GetMapping("/s/{site}/consent.css")
    ResponseEntity<String> style(@PathVariable String site) {
        banners.bannerOf(site);
        return ResponseEntity.ok()
                .contentType(CSS)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .body(script.style());
    }

    /**
     * The Global Privacy Control support resource: every site with a banner honours the signal. Its date is the day the
     * newest notice in force took effect, the latest day on which what the sites do with the signal could have changed.
     */
    @GetMapping("/.well-known/gpc.json")
    ResponseEntity<Map<String, Object>> gpc() {
        LocalDate since = catalogs.sites().stream()
                .filter(site ->
                        catalogs.of(site.key()).cookieBannerOf(site.key()).isPresent())
                .map(site -> notices.inForce(site.key()).effective())
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new NotFoundException("No site here honours Global Privacy Control."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header("Access-Control-Allow-Origin", "*")
                .body(Map.of("gpc", true, "lastUpdate", since.toString()));
    }

    private String requireLanguage(String site, String lang) {
        List<String> languages = catalogs.requireSite(site).languages();
        if (!languages.contains(lang)) {
            throw new InvalidInputException(
                    FieldError.of("lang", "invalid-option", "error.cookies.lang.invalid-option", languages));
        }
        return lang;
    }

    private static List<Locale> locales(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? List.of() : Collections.list(request.getLocales());
    }

    private ConsentScript.Addresses addresses(String site) {
        String base = own.base();
        return new ConsentScript.Addresses(
                base,
                base + "/api/v1/sites/" + site + "/cookie-choices",
                base + "/s/" + site + "/cookie-choices/",
                base + "/s/" + site + "/cookies",
                base + "/s/" + site + "/consent.css");
    }
}
