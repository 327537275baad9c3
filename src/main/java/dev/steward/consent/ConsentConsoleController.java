package dev.steward.consent;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.ConsoleWords;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.ApiKeys;
import dev.steward.staff.Caller;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.SubjectId;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's page of a subject's consents ({@code /admin/subjects/{subject}/consents}): the history on the
 * member's sites (audited), and for those who may, the form to record a consent on the person's behalf.
 */
@Controller
@Requires(Permission.READ_CONSENTS)
class ConsentConsoleController {

    private final StaffConsents consents;
    private final Catalogs catalogs;
    private final CurrentCaller caller;
    private final ConsoleWords words;
    private final ErrorWords errorWords;
    private final ApiKeys apiKeys;

    ConsentConsoleController(
            ConsoleWords words,
            StaffConsents consents,
            Catalogs catalogs,
            CurrentCaller caller,
            ErrorWords errorWords,
            ApiKeys apiKeys) {
        this.errorWords = errorWords;
        this.words = words;
        this.consents = consents;
        this.catalogs = catalogs;
        this.caller = caller;
        this.apiKeys = apiKeys;
    }

    /** An event as the page lists it, in words. */
    record Line(
            String site,
            String purpose,
            String action,
            String method,
            Instant at,
            boolean byParent,
            String receipt,
            @Nullable String connection) {}

    /** A site staff may record on, with its purposes by key and name. */
    record SiteChoice(String key, String name, List<Choice> purposes) {}

    record Choice(String key, String name) {}

    @GetMapping("/admin/subjects/{subject}/consents")
    String page(@PathVariable UUID subject, Model model) {
        Caller staff = caller.get();
        Map<UUID, String> keyNames = apiKeys.names();
        List<Line> lines = new ArrayList<>(consents.history(new SubjectId(subject), staff, "console").stream()
                .map(entry -> line(entry, keyNames))
                .toList());
        Collections.reverse(lines);
        model.addAttribute("subject", subject);
        model.addAttribute("lines", lines);
        model.addAttribute("mayRecord", staff.may(Permission.RECORD_CONSENT_ON_BEHALF));
        model.addAttribute("mayReadEvidence", staff.may(Permission.READ_CONSENT_EVIDENCE));
        model.addAttribute("choices", choices(staff));
        model.addAttribute("actions", StaffConsents.ON_BEHALF);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new StaffConsents.OnBehalf(null, null, null, null, null));
        }
        return "admin/consents";
    }

    @PostMapping("/admin/subjects/{subject}/consents")
    @Requires(Permission.RECORD_CONSENT_ON_BEHALF)
    String record(
            @PathVariable UUID subject,
            @ModelAttribute("form") StaffConsents.OnBehalf form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            ConsentEvent event = consents.record(new SubjectId(subject), form, caller.get());
            redirect.addFlashAttribute("recorded", event.receiptPath());
            return "redirect:/admin/subjects/" + subject + "/consents";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", errorWords.byField(e));
            return page(subject, model);
        }
    }

    private Line line(StaffConsents.Entry entry, Map<UUID, String> keyNames) {
        ConsentEvent event = entry.event();
        Site site = catalogs.requireSite(event.site());
        String language = site.language();
        return new Line(
                site.name().in(language),
                purposeName(event.site(), event.purpose()),
                words.get("console.consentAction." + event.action().name()),
                collectedBy(event, keyNames),
                event.occurredAt(),
                event.byParent(),
                event.receiptPath(),
                connection(entry));
    }

    /** How it was collected, and through which API key when an integrator relayed it. */
    private String collectedBy(ConsentEvent event, Map<UUID, String> keyNames) {
        String method = CollectionMethod.ofKey(event.method())
                .map(known -> words.get("console.method." + known.name()))
                .orElse(event.method());
        return event.relayedBy()
                .map(key -> words.get("console.consents.relayedBy", method, keyNames.getOrDefault(key, key.toString())))
                .orElse(method);
    }

    /** The address and browser kept as evidence, as one line; null when nothing was kept or it is not shown. */
    private static @Nullable String connection(StaffConsents.Entry entry) {
        String shown = Stream.of(entry.ipAddress(), entry.userAgent())
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? null : shown;
    }

    private List<SiteChoice> choices(Caller staff) {
        return consents.sitesFor(staff).stream()
                .map(site -> new SiteChoice(
                        site.key(),
                        site.name().in(site.language()),
                        consents.purposesOf(site.key()).stream()
                                .map(purpose -> new Choice(purpose, purposeName(site.key(), purpose)))
                                .toList()))
                .toList();
    }

    private String purposeName(String site, String purpose) {
        String language = catalogs.requireSite(site).language();
        return catalogs.of(site)
                .purpose(purpose)
                .map(p -> p.name().in(language))
                .orElse(purpose);
    }
}
