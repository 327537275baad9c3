package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.Form;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of sites, and each site's plain shell page linking its forms, notice and privacy center. */
@Controller
class SitePagesController {

    private final Catalogs catalogs;
    private final NoticePages pages;

    SitePagesController(Catalogs catalogs, NoticePages pages) {
        this.catalogs = catalogs;
        this.pages = pages;
    }

    @GetMapping("/")
    ResponseEntity<String> home() {
        List<Map<String, String>> sites = catalogs.sites().stream()
                .map(site -> {
                    // each site's name in its own language, marked as such on a page in the visitor's
                    LocalizedText.Shown name = site.name().shownIn(site.language());
                    return Map.of(
                            "key",
                            site.key(),
                            "name",
                            name.text(),
                            "lang",
                            name.lang() == null ? site.language() : name.lang(),
                            "baseUrl",
                            site.baseUrl());
                })
                .toList();
        return html(pages.render("home", Map.of("sites", sites)));
    }

    @GetMapping("/s/{site}/")
    ResponseEntity<String> site(@PathVariable String site) {
        Site found = catalogs.requireSite(site);
        List<Map<String, String>> forms = catalogs.of(site).formsOf(site).stream()
                .map((Form form) ->
                        Map.of("key", form.key(), "title", form.title().in(found.language())))
                .toList();
        Catalog catalog = catalogs.of(site);
        Map<String, Object> model =
                new HashMap<>(Map.of("site", found, "siteName", found.name().in(found.language()), "forms", forms));
        // the demo's sample analytics script sets the cookie the catalog names for traffic analysis
        model.put("banner", catalog.cookieBannerOf(site).isPresent());
        model.put(
                "analyticsCookie",
                catalog.cookiesOf(site).stream()
                        .filter(cookie -> cookie.category() == Cookie.Category.ANALYTICS && cookie.name() != null)
                        .map(Cookie::name)
                        .findFirst()
                        .orElse(null));
        return html(pages.render("site", model));
    }

    private static ResponseEntity<String> html(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(body);
    }
}
