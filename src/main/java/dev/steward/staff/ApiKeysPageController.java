package dev.steward.staff;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console page where administrators create and revoke integrators' API keys. */
@Controller
@Requires(Permission.MANAGE_API_KEYS)
class ApiKeysPageController {

    private final ApiKeys keys;
    private final Catalogs catalogs;
    private final CurrentCaller caller;

    private final ErrorWords errorWords;

    ApiKeysPageController(ApiKeys keys, Catalogs catalogs, CurrentCaller caller, ErrorWords errorWords) {
        this.errorWords = errorWords;
        this.keys = keys;
        this.catalogs = catalogs;
        this.caller = caller;
    }

    @GetMapping("/admin/api-keys")
    String page(Model model) {
        model.addAttribute("keys", keys.visibleTo(caller.get()));
        model.addAttribute(
                "sites",
                catalogs.sites().stream()
                        .filter(site -> caller.get().maySee(site.key()))
                        .toList());
        return "admin/api-keys";
    }

    @PostMapping("/admin/api-keys")
    String create(
            @RequestParam String name,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable List<String> sites,
            Model model,
            HttpServletResponse response) {
        try {
            ApiKeys.Created created = keys.create(
                    name,
                    "metrics".equals(kind) ? Caller.Kind.METRICS : Caller.Kind.INTEGRATOR,
                    Set.of(),
                    sites == null ? Set.of() : Set.copyOf(sites),
                    caller.get());
            model.addAttribute("created", created);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.shown(e));
        }
        return page(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id) {
        keys.revoke(id, caller.get());
        return "redirect:/admin/api-keys";
    }
}
