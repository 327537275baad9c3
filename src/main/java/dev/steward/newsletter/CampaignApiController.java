package dev.steward.newsletter;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.ShownError;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns over the staff API. Administrators and privacy officers compose, test and send; auditors read the lists
 * and the figures. A member scoped to sites sees only their sites' campaigns.
 */
@RestController
@Requires(Permission.READ_CAMPAIGNS)
class CampaignApiController {

    private final VisibleCampaigns visible;
    private final CampaignDrafts drafts;
    private final CampaignControl control;
    private final CampaignFigures figures;
    private final CampaignPreviews previews;
    private final ErrorWords words;

    CampaignApiController(
            VisibleCampaigns visible,
            CampaignDrafts drafts,
            CampaignControl control,
            CampaignFigures figures,
            CampaignPreviews previews,
            ErrorWords words) {
        this.words = words;
        this.visible = visible;
        this.drafts = drafts;
        this.control = control;
        this.figures = figures;
        this.previews = previews;
    }

    record ListView(String site, String list, String name, String kind) {}

    /** A campaign, with the pictures its body names that it does not have (a draft cannot be sent with any). */
    record Detail(CampaignFigures.Figures figures, String body, List<String> links, List<ShownError> missingPictures) {}

    record Test(@Nullable String to) {}

    record Send(@Nullable Instant at) {}

    record TestQueued(UUID message) {}

    @Operation(
            summary = "List the mailing lists",
            description =
                    "The double opt-in lists of the caller's sites (one per direct-marketing purpose of a site with a mail section), with their subscriber counts.")
    @GetMapping("/api/v1/admin/lists")
    List<ListView> lists(@RequestParam(required = false) @Nullable String site) {
        return visible.lists(site).stream()
                .map(list ->
                        new ListView(list.site(), list.purpose(), list.name(), CampaignRepository.kind(list.kind())))
                .toList();
    }

    @Operation(
            summary = "List campaigns",
            description =
                    "Campaigns on the caller's sites with their status and figures (counts only); filter by `site`.")
    @GetMapping("/api/v1/admin/campaigns")
    List<CampaignFigures.Figures> list(@RequestParam(required = false) @Nullable String site) {
        return visible.list(site).stream().map(figures::of).toList();
    }

    @Operation(summary = "Read a campaign", description = "A campaign's draft, schedule, status and figures.")
    @GetMapping("/api/v1/admin/campaigns/{id}")
    Detail get(@PathVariable UUID id) {
        Campaign campaign = visible.get(id);
        return new Detail(
                figures.of(campaign), campaign.body(), campaign.links(), words.shown(drafts.missingPictures(campaign)));
    }

    @Operation(
            summary = "Create a campaign",
            description = "A draft campaign for one of the site's lists: subject, text and schedule.")
    @PostMapping("/api/v1/admin/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.SEND_CAMPAIGNS)
    Detail create(@RequestBody CampaignDrafts.Draft draft) {
        return get(drafts.create(draft).id());
    }

    @Operation(
            summary = "Change a campaign",
            description = "Changes a draft's subject, text or schedule; a campaign already sending cannot be changed.")
    @PatchMapping("/api/v1/admin/campaigns/{id}")
    @Requires(Permission.SEND_CAMPAIGNS)
    Detail update(@PathVariable UUID id, @RequestBody CampaignDrafts.Draft changes) {
        return get(drafts.update(id, changes).id());
    }

    @Operation(
            summary = "Preview a campaign",
            description = "The message as a subscriber would receive it, with or without tracking.")
    @GetMapping("/api/v1/admin/campaigns/{id}/preview")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignPreviews.Preview preview(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean tracked) {
        return previews.preview(id, tracked);
    }

    @Operation(
            summary = "Send a test message",
            description = "Sends the campaign once to a member of staff's address, outside the list and its figures:"
                    + " only to an address at the site's sender domain or under it (422 not-staff otherwise), and"
                    + " never for a site whose sender is at a free-mail domain (422 sender-free-mail).")
    @PostMapping("/api/v1/admin/campaigns/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Requires(Permission.SEND_CAMPAIGNS)
    TestQueued test(@PathVariable UUID id, @RequestBody Test test) {
        return new TestQueued(previews.test(id, test.to()));
    }

    @Operation(
            summary = "Send or schedule a campaign",
            description =
                    "Sends the campaign now, or at the given time; consent is checked again for every message as it goes.")
    @PostMapping("/api/v1/admin/campaigns/{id}/send")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures send(@PathVariable UUID id, @RequestBody(required = false) @Nullable Send send) {
        return figures.of(control.schedule(id, send == null ? null : send.at()));
    }

    @Operation(
            summary = "Pause a campaign",
            description = "Stops sending; messages not yet sent wait until the campaign is resumed.")
    @PostMapping("/api/v1/admin/campaigns/{id}/pause")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures pause(@PathVariable UUID id) {
        return figures.of(control.pause(id));
    }

    @Operation(summary = "Resume a campaign", description = "Sends the messages a pause held back.")
    @PostMapping("/api/v1/admin/campaigns/{id}/resume")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures resume(@PathVariable UUID id) {
        return figures.of(control.resume(id));
    }

    @Operation(
            summary = "Cancel a campaign",
            description = "Stops the campaign for good; messages not yet sent are not sent.")
    @PostMapping("/api/v1/admin/campaigns/{id}/cancel")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures cancel(@PathVariable UUID id) {
        return figures.of(control.cancel(id));
    }
}
