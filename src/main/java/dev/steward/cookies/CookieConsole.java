package dev.steward.cookies;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.ConsoleWords;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.DashboardTile;
import dev.steward.staff.DashboardTiles;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's "Cookie consent" page ({@code /admin/cookies}): per site the staff member may see, how many visitors
 * chose what in each version of the banner, and a tile with the totals on the front page, for administrators, privacy
 * officers and auditors.
 */
@Controller
class CookieConsole implements DashboardTiles {

    private final Catalogs catalogs;
    private final CookieChoices choices;
    private final CurrentCaller caller;

    private final ConsoleWords words;

    CookieConsole(ConsoleWords words, Catalogs catalogs, CookieChoices choices, CurrentCaller caller) {
        this.words = words;
        this.catalogs = catalogs;
        this.choices = choices;
        this.caller = caller;
    }

    record Row(String version, String wording, String jurisdiction, String choice, boolean gpc, long count) {}

    record SiteCounts(String key, String name, List<Row> rows, long total) {}

    @GetMapping("/admin/cookies")
    @Requires(Permission.READ_COOKIE_CHOICES)
    String page(Model model) {
        model.addAttribute("sites", sitesFor(caller.get()));
        return "admin/cookies";
    }

    @Override
    public List<DashboardTile> tilesFor(Caller caller) {
        if (!caller.may(Permission.READ_COOKIE_CHOICES)) {
            return List.of();
        }
        List<DashboardTile.Row> rows = sitesFor(caller).stream()
                .map(site -> new DashboardTile.Row(
                        site.name(), String.valueOf(site.total()), "/admin/cookies#" + site.key()))
                .toList();
        return rows.isEmpty()
                ? List.of()
                : List.of(new DashboardTile(
                        words.get("console.tile.cookies"),
                        rows,
                        "/admin/cookies",
                        words.get("console.tile.cookies.link")));
    }

    private List<SiteCounts> sitesFor(Caller caller) {
        return catalogs.sites().stream()
                .filter(site -> caller.maySee(site.key()))
                .filter(site ->
                        catalogs.of(site.key()).cookieBannerOf(site.key()).isPresent())
                .map(this::counts)
                .toList();
    }

    private SiteCounts counts(Site site) {
        Catalog catalog = catalogs.of(site.key());
        List<Row> rows = choices.counts(site.key()).stream()
                .map(count -> new Row(
                        count.noticeVersion(),
                        count.wordingSha256().substring(0, 12),
                        catalog.jurisdiction(count.jurisdiction())
                                .map(j -> j.name().in(site.language()))
                                .orElse(count.jurisdiction()),
                        words.getOr("console.cookies.choice." + count.choice(), count.choice()),
                        count.gpc(),
                        count.choices()))
                .toList();
        return new SiteCounts(
                site.key(),
                site.name().in(site.language()),
                rows,
                rows.stream().mapToLong(Row::count).sum());
    }
}
