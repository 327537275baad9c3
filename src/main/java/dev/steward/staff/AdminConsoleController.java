package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page and its front page: what needs attention, and the tiles other modules contribute. */
@Controller
class AdminConsoleController {

    private final Catalogs catalogs;
    private final ObjectProvider<DashboardTiles> tiles;
    private final ObjectProvider<AttentionItems> attention;
    private final CurrentCaller caller;
    private final Duration sessionTimeout;

    AdminConsoleController(
            Catalogs catalogs,
            ObjectProvider<DashboardTiles> tiles,
            ObjectProvider<AttentionItems> attention,
            CurrentCaller caller,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.catalogs = catalogs;
        this.tiles = tiles;
        this.attention = attention;
        this.caller = caller;
        this.sessionTimeout = sessionTimeout;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("sessionMinutes", sessionTimeout.toMinutes());
        return "admin/login";
    }

    @GetMapping("/admin")
    @Requires(Permission.VIEW_CONSOLE)
    String dashboard(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        Caller current = caller.get();
        List<DashboardTile> summaries = tiles.orderedStream()
                .flatMap(contributor -> contributor.tilesFor(current).stream())
                .toList();
        model.addAttribute("staff", staff);
        model.addAttribute("tiles", summaries);
        model.addAttribute(
                "attention",
                attention
                        .orderedStream()
                        .flatMap(contributor -> contributor.attentionFor(current).stream())
                        .toList());
        model.addAttribute(
                "sites",
                catalogs.sites().stream()
                        .filter(site -> current.maySee(site.key()))
                        .toList());
        return "admin/dashboard";
    }
}
