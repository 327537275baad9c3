package dev.steward.newsletter;

import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
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

    CampaignApiController(
            VisibleCampaigns visible,
            CampaignDrafts drafts,
            CampaignControl control,
            CampaignFigures figures,
            CampaignPreviews previews) {
        this.visible = visible;
        this.drafts = drafts;
        this.control = control;
        this.figures = figures;
        this.previews = previews;
    }

    record ListView(String site, String list, String name, String kind) {}

    record Detail(CampaignFigures.Figures figures, String body, List<String> links) {}

    record Test(@Nullable String to) {}

    record Send(@Nullable Instant at) {}

    record TestQueued(UUID message) {}

    @GetMapping("/api/v1/admin/lists")
    List<ListView> lists(@RequestParam(required = false) @Nullable String site) {
        return visible.lists(site).stream()
                .map(list ->
                        new ListView(list.site(), list.purpose(), list.name(), CampaignRepository.kind(list.kind())))
                .toList();
    }

    @GetMapping("/api/v1/admin/campaigns")
    List<CampaignFigures.Figures> list(@RequestParam(required = false) @Nullable String site) {
        return visible.list(site).stream().map(figures::of).toList();
    }

    @GetMapping("/api/v1/admin/campaigns/{id}")
    Detail get(@PathVariable UUID id) {
        Campaign campaign = visible.get(id);
        return new Detail(figures.of(campaign), campaign.body(), campaign.links());
    }

    @PostMapping("/api/v1/admin/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.SEND_CAMPAIGNS)
    Detail create(@RequestBody CampaignDrafts.Draft draft) {
        return get(drafts.create(draft).id());
    }

    @PatchMapping("/api/v1/admin/campaigns/{id}")
    @Requires(Permission.SEND_CAMPAIGNS)
    Detail update(@PathVariable UUID id, @RequestBody CampaignDrafts.Draft changes) {
        return get(drafts.update(id, changes).id());
    }

    @GetMapping("/api/v1/admin/campaigns/{id}/preview")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignPreviews.Preview preview(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean tracked) {
        return previews.preview(id, tracked);
    }

    @PostMapping("/api/v1/admin/campaigns/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Requires(Permission.SEND_CAMPAIGNS)
    TestQueued test(@PathVariable UUID id, @RequestBody Test test) {
        return new TestQueued(previews.test(id, test.to()));
    }

    @PostMapping("/api/v1/admin/campaigns/{id}/send")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures send(@PathVariable UUID id, @RequestBody(required = false) @Nullable Send send) {
        return figures.of(control.schedule(id, send == null ? null : send.at()));
    }

    @PostMapping("/api/v1/admin/campaigns/{id}/pause")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures pause(@PathVariable UUID id) {
        return figures.of(control.pause(id));
    }

    @PostMapping("/api/v1/admin/campaigns/{id}/resume")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures resume(@PathVariable UUID id) {
        return figures.of(control.resume(id));
    }

    @PostMapping("/api/v1/admin/campaigns/{id}/cancel")
    @Requires(Permission.SEND_CAMPAIGNS)
    CampaignFigures.Figures cancel(@PathVariable UUID id) {
        return figures.of(control.cancel(id));
    }
}
