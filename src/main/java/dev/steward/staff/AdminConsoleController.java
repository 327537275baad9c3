package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's sign-in page and its front page: what needs attention, and the tiles other modules contribute. */
@Controller
class AdminConsoleController {

    private final Catalogs catalogs;
    private final ObjectProvider<DashboardTiles> tiles;
    private final ObjectProvider<AttentionItems> attention;
    private final CurrentCaller caller;
    private final StaffDevices devices;
    private final Clock clock;
    private final Duration sessionTimeout;

    AdminConsoleController(
            Catalogs catalogs,
            ObjectProvider<DashboardTiles> tiles,
            ObjectProvider<AttentionItems> attention,
            CurrentCaller caller,
            StaffDevices devices,
            Clock clock,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        this.devices = devices;
        this.clock = clock;
        this.catalogs = catalogs;
        this.tiles = tiles;
        this.attention = attention;
        this.caller = caller;
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * The sign-in form; opened from a browser link ({@link StaffDevices#link}), it also offers, as a button (opening the
     * link changes nothing, so a mail scanner or a link preview takes nothing), to trust this browser for the member.
     */
    @GetMapping("/login")
    String login(
            @RequestParam(name = StaffDevices.LINK_PARAMETER, required = false) @Nullable String browser,
            Model model,
            HttpServletResponse response) {
        model.addAttribute("sessionMinutes", sessionTimeout.toMinutes());
        if (browser != null) {
            // the address is the secret: no referrer, no cache
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            Optional<StaffDevice> linked = linked(browser);
            model.addAttribute("linkFor", linked.map(StaffDevice::username).orElse(null));
            model.addAttribute("link", linked.isPresent() ? browser : null);
            model.addAttribute("linkSpent", linked.isEmpty());
        }
        return "admin/login";
    }

    /** Takes the browser link: the browser gets its cookie, and signs in as the member's trusted browser does. */
    @PostMapping("/login/browser")
    String trustThisBrowser(
            @RequestParam(name = StaffDevices.LINK_PARAMETER, required = false) @Nullable String browser,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (browser == null || linked(browser).isEmpty()) {
            return "redirect:/login?" + StaffDevices.LINK_PARAMETER + "=spent";
        }
        devices.set(browser, request, response);
        return "redirect:/login?trusted";
    }

    private Optional<StaffDevice> linked(String browser) {
        Instant now = clock.instant();
        return devices.known(browser).filter(device -> device.trust().trustedAt(now));
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
