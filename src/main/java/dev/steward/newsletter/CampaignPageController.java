package dev.steward.newsletter;

import dev.steward.platform.ConsoleWords;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.MessageFrames;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's campaigns: the list with each campaign's progress, a form to compose one, and a campaign's page with
 * its figures, its preview as HTML and as text, its pictures ({@link CampaignImagePageController}), a test send, and
 * the buttons to send, schedule, pause, resume or cancel it. The page refreshes itself while the campaign goes out. Auditors see the list and the figures only.
 */
@Controller
@Requires(Permission.READ_CAMPAIGNS)
class CampaignPageController {

    private final VisibleCampaigns visible;
    private final CampaignDrafts drafts;
    private final CampaignControl control;
    private final CampaignFigures figures;
    private final CampaignPreviews previews;
    private final CurrentCaller caller;
    private final CampaignWords words;

    private final ConsoleWords console;

    private final ErrorWords errorWords;
    private final CampaignImages images;
    private final NewsletterSettings settings;

    CampaignPageController(
            ConsoleWords console,
            VisibleCampaigns visible,
            CampaignDrafts drafts,
            CampaignControl control,
            CampaignFigures figures,
            CampaignPreviews previews,
            CurrentCaller caller,
            CampaignWords words,
            ErrorWords errorWords,
            CampaignImages images,
            NewsletterSettings settings) {
        this.errorWords = errorWords;
        this.images = images;
        this.settings = settings;
        this.console = console;
        this.visible = visible;
        this.drafts = drafts;
        this.control = control;
        this.figures = figures;
        this.previews = previews;
        this.caller = caller;
        this.words = words;
    }

    @GetMapping("/admin/campaigns")
    String list(@RequestParam(required = false) @Nullable String site, Model model) {
        model.addAttribute(
                "campaigns", visible.list(site).stream().map(figures::of).toList());
        model.addAttribute("mayCompose", mayCompose());
        model.addAttribute("lists", visible.lists(null));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new CampaignDrafts.Draft(null, null, "", ""));
        }
        return "admin/campaigns";
    }

    @PostMapping("/admin/campaigns")
    @Requires(Permission.SEND_CAMPAIGNS)
    String create(
            @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable String subjectLine,
            @RequestParam(required = false) @Nullable String body,
            Model model,
            HttpServletResponse response) {
        String[] siteAndList = audience == null ? new String[0] : audience.split("/", 2);
        CampaignDrafts.Draft draft = new CampaignDrafts.Draft(
                siteAndList.length == 2 ? siteAndList[0] : null,
                siteAndList.length == 2 ? siteAndList[1] : null,
                subjectLine,
                body);
        try {
            return "redirect:/admin/campaigns/" + drafts.create(draft).id();
        } catch (InvalidInputException e) {
            refused(e, model, response);
            model.addAttribute("draft", draft);
            return list(null, model);
        }
    }

    @GetMapping("/admin/campaigns/{id}")
    String campaign(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Campaign campaign = visible.get(id);
        CampaignFigures.Figures shown = figures.of(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("figures", shown);
        model.addAttribute("kindWords", console.get("console.campaignKind." + shown.kind()));
        model.addAttribute(
                "skippedBecause",
                shown.skippedBecause().entrySet().stream()
                        .map(reason -> Map.entry(
                                console.getOr("console.skip." + reason.getKey(), console.get("console.skip.other")),
                                reason.getValue()))
                        .toList());
        model.addAttribute("mayCompose", mayCompose());
        boolean underWay = campaign.status() == CampaignStatus.SENDING || campaign.status() == CampaignStatus.SCHEDULED;
        model.addAttribute("refresh", underWay);
        if (underWay) {
            // progress without script: the browser asks again
            response.setHeader("Refresh", "5");
        }
        if (mayCompose()) {
            // the page shows the headers and the text; each HTML version comes from previewFrame, in a frame
            model.addAttribute("preview", previews.preview(id, false));
            model.addAttribute("trackedPreview", previews.preview(id, true));
            model.addAttribute("images", images.list(id));
            model.addAttribute(
                    "missingPictures",
                    drafts.missingPictures(campaign).stream()
                            .map(errorWords::text)
                            .toList());
            model.addAttribute("imageLimits", settings.images());
        }
        return "admin/campaign";
    }

    /**
     * The preview's HTML, as the campaign's page frames it: only to those who see the preview on that page, under the
     * message's own policy ({@link MessageFrames}), pictures put in.
     */
    @GetMapping("/admin/campaigns/{id}/preview.html")
    @Requires(Permission.SEND_CAMPAIGNS)
    ResponseEntity<String> previewFrame(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "false") boolean tracked,
            HttpServletResponse response) {
        return MessageFrames.answer(previews.forConsole(id, tracked).html(), response);
    }

    @PostMapping("/admin/campaigns/{id}")
    @Requires(Permission.SEND_CAMPAIGNS)
    String edit(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String subjectLine,
            @RequestParam(required = false) @Nullable String body,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                console.get("console.campaign.done.saved"),
                () -> drafts.update(id, new CampaignDrafts.Draft(null, null, subjectLine, body)));
    }

    @PostMapping("/admin/campaigns/{id}/test")
    @Requires(Permission.SEND_CAMPAIGNS)
    String test(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String to, RedirectAttributes redirect) {
        return act(id, redirect, console.get("console.campaign.done.test"), () -> previews.test(id, to));
    }

    /** Sends now, or at the time given in UTC ({@code YYYY-MM-DDTHH:MM}, as a datetime-local field sends it). */
    @PostMapping("/admin/campaigns/{id}/send")
    @Requires(Permission.SEND_CAMPAIGNS)
    String send(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String at, RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                console.get(
                        at == null || at.isBlank()
                                ? "console.campaign.done.sending"
                                : "console.campaign.done.scheduled"),
                () -> control.schedule(id, time(at)));
    }

    @PostMapping("/admin/campaigns/{id}/pause")
    @Requires(Permission.SEND_CAMPAIGNS)
    String pause(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, console.get("console.campaign.done.paused"), () -> control.pause(id));
    }

    @PostMapping("/admin/campaigns/{id}/resume")
    @Requires(Permission.SEND_CAMPAIGNS)
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, console.get("console.campaign.done.resumed"), () -> control.resume(id));
    }

    @PostMapping("/admin/campaigns/{id}/cancel")
    @Requires(Permission.SEND_CAMPAIGNS)
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, console.get("console.campaign.done.cancelled"), () -> control.cancel(id));
    }

    private String act(UUID id, RedirectAttributes redirect, String done, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", errorWords.byField(e));
        }
        return "redirect:/admin/campaigns/" + id;
    }

    private static @Nullable Instant time(@Nullable String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(at.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldError.of("at", "invalid", "error.newsletter.at.invalid"));
        }
    }

    private boolean mayCompose() {
        return caller.get().may(Permission.SEND_CAMPAIGNS);
    }

    private void refused(InvalidInputException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errorWords.byField(e));
    }
}
