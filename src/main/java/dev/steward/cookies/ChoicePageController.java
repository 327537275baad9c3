package dev.steward.cookies;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.Site;
import dev.steward.cookies.CookieChoiceRepository.StoredChoice;
import dev.steward.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /s/{site}/cookie-choices/{id}}: the visitor's receipt of a banner choice, linked from the banner. The id is
 * random and unguessable; the page names nobody and links the signed receipt of each category's ledger event.
 */
@Controller
class ChoicePageController {

    private final CookieChoices choices;
    private final Catalogs catalogs;

    ChoicePageController(CookieChoices choices, Catalogs catalogs) {
        this.choices = choices;
        this.catalogs = catalogs;
    }

    /** One category's answer; {@code category} is null where the banner no longer names it (the page's words then). */
    record Line(String key, LocalizedText.@Nullable Shown category, boolean allowed, UUID event) {}

    @GetMapping("/s/{site}/cookie-choices/{id}")
    String page(@PathVariable String site, @PathVariable UUID id, Locale locale, Model model) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        StoredChoice choice = choices.find(site, id)
                .orElseThrow(() -> new NotFoundException("There is no cookie choice " + id + "."));
        // in the language the visitor reads the site in now, which may not be the banner's of that day
        String language = locale.getLanguage();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < choice.events().size(); i++) {
            lines.add(line(catalog, site, choice, i, language));
        }
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().shownIn(language));
        model.addAttribute("choice", choice);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "jurisdiction",
                catalog.jurisdiction(choice.jurisdiction())
                        .map(j -> j.name().shownIn(language))
                        .orElse(null));
        return "cookies/choice";
    }

    private static Line line(Catalog catalog, String site, StoredChoice choice, int i, String language) {
        String key = choice.categories().get(i);
        LocalizedText.Shown name = catalog.cookieBannerOf(site)
                .flatMap(banner -> banner.category(
                        Cookie.Category.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'))))
                .map(category -> category.name().shownIn(language))
                .orElse(null);
        return new Line(
                key, name, choice.granted().contains(key), choice.events().get(i));
    }
}
