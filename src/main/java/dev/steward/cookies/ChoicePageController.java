package dev.steward.cookies;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.Site;
import dev.steward.cookies.CookieChoiceRepository.StoredChoice;
import dev.steward.platform.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    record Line(String category, boolean allowed, UUID event) {}

    @GetMapping("/s/{site}/cookie-choices/{id}")
    String page(@PathVariable String site, @PathVariable UUID id, Model model) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        StoredChoice choice = choices.find(site, id)
                .orElseThrow(() -> new NotFoundException("There is no cookie choice " + id + "."));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < choice.events().size(); i++) {
            lines.add(line(catalog, site, choice, i));
        }
        model.addAttribute("site", declared);
        model.addAttribute("siteName", declared.name().in(choice.language()));
        model.addAttribute("choice", choice);
        model.addAttribute("lines", lines);
        model.addAttribute(
                "jurisdiction",
                catalog.jurisdiction(choice.jurisdiction())
                        .map(j -> j.name().in(choice.language()))
                        .orElse(choice.jurisdiction()));
        return "cookies/choice";
    }

    private static Line line(Catalog catalog, String site, StoredChoice choice, int i) {
        String key = choice.categories().get(i);
        String name = catalog.cookieBannerOf(site)
                .flatMap(banner -> banner.category(
                        Cookie.Category.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'))))
                .map(category -> category.name().in(choice.language()))
                .orElse(key);
        return new Line(name, choice.granted().contains(key), choice.events().get(i));
    }
}
