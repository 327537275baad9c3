package dev.steward.newsletter;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing campaigns: a site, one of its lists (or operational audiences), a subject line and a Markdown body. A draft
 * can be changed until it is scheduled. Everything wrong is reported at once and nothing is stored.
 */
@Service
class CampaignDrafts {

    static final int MAX_SUBJECT_LINE = 200;
    static final int MAX_BODY = 100_000;
    static final int MAX_LINKS = 100;
    private static final int MAX_IMAGE_ERRORS = 10;
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    private final CampaignRepository campaigns;
    private final VisibleCampaigns visible;
    private final CampaignLists lists;
    private final CampaignRenderer renderer;
    private final Catalogs catalogs;
    private final CampaignImageRepository images;
    private final Clock clock;

    CampaignDrafts(
            CampaignRepository campaigns,
            VisibleCampaigns visible,
            CampaignLists lists,
            CampaignRenderer renderer,
            Catalogs catalogs,
            CampaignImageRepository images,
            Clock clock) {
        this.images = images;
        this.campaigns = campaigns;
        this.visible = visible;
        this.lists = lists;
        this.renderer = renderer;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    /** What staff write; on a change, what is left out stays as it was. */
    record Draft(
            @Nullable String site,
            @Nullable String list,
            @Nullable String subjectLine,
            @Nullable String body) {}

    @Transactional
    Campaign create(Draft draft) {
        String composer = draft.site() == null ? null : visible.requireSite(draft.site());
        List<FieldError> errors = new ArrayList<>();
        Optional<MailingList> list = listOf(draft, errors);
        // a new campaign has no pictures yet: they are attached to its draft, then named in its body
        checkContent(draft.subjectLine(), draft.body(), Set.of(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = now();
        Campaign campaign = new Campaign(
                UUID.randomUUID(),
                draft.site(),
                list.orElseThrow().kind(),
                list.get().purpose(),
                draft.subjectLine().strip(),
                draft.body(),
                renderer.links(draft.body()),
                CampaignStatus.DRAFT,
                null,
                composer,
                now,
                now,
                null,
                null,
                0,
                0,
                0);
        campaigns.insert(campaign);
        return campaign;
    }

    @Transactional
    Campaign update(UUID id, Draft changes) {
        Campaign campaign = visible.get(id);
        List<FieldError> errors = new ArrayList<>();
        // each field sent that would change names itself: a refusal on 'list' for a site sent would point elsewhere
        if (changes.site() != null && !changes.site().equals(campaign.site())) {
            errors.add(FieldError.of("site", "fixed", "error.newsletter.list.fixed"));
        }
        if (changes.list() != null && !changes.list().equals(campaign.purpose())) {
            errors.add(FieldError.of("list", "fixed", "error.newsletter.list.fixed"));
        }
        String subjectLine = changes.subjectLine() != null ? changes.subjectLine() : campaign.subjectLine();
        String body = changes.body() != null ? changes.body() : campaign.body();
        checkContent(subjectLine, body, attachedNames(id), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!campaigns.updateDraft(id, subjectLine.strip(), body, renderer.links(body), now())) {
            throw new InvalidInputException(FieldError.of(
                    "status",
                    "not-a-draft",
                    "error.newsletter.status.not-a-draft",
                    campaign.status().phrase()));
        }
        return visible.get(id);
    }

    private Optional<MailingList> listOf(Draft draft, List<FieldError> errors) {
        if (draft.site() == null || draft.site().isBlank()) {
            errors.add(FieldError.of("site", "required", "error.newsletter.site.required"));
            return Optional.empty();
        }
        Optional<Site> found = catalogs.site(draft.site());
        if (found.isEmpty()) {
            errors.add(FieldError.of("site", "unknown-site", "error.common.site.unknown", draft.site()));
            return Optional.empty();
        }
        Site site = found.get();
        if (site.mail() == null) {
            errors.add(FieldError.of("site", "no-sender", "error.newsletter.site.no-sender", site.key()));
            return Optional.empty();
        }
        if (draft.list() == null || draft.list().isBlank()) {
            errors.add(FieldError.of("list", "required", "error.newsletter.list.required"));
            return Optional.empty();
        }
        Optional<MailingList> list = lists.find(site.key(), draft.list());
        if (list.isEmpty()) {
            errors.add(FieldError.of(
                    "list", "unknown-list", "error.newsletter.list.unknown-list", site.key(), draft.list()));
        }
        return list;
    }

    private void checkContent(
            @Nullable String subjectLine, @Nullable String body, Set<String> attached, List<FieldError> errors) {
        if (subjectLine == null || subjectLine.isBlank()) {
            errors.add(FieldError.of("subjectLine", "required", "error.newsletter.subjectLine.required"));
        } else if (subjectLine.length() > MAX_SUBJECT_LINE) {
            errors.add(FieldError.of("subjectLine", "too-long", "error.common.subjectLine.too-long", MAX_SUBJECT_LINE));
        } else if (LINE_BREAK.matcher(subjectLine).find()) {
            errors.add(FieldError.of("subjectLine", "line-break", "error.common.subjectLine.line-break"));
        }
        if (body == null || body.isBlank()) {
            errors.add(FieldError.of("body", "required", "error.newsletter.body.required"));
            return;
        }
        if (body.length() > MAX_BODY) {
            errors.add(FieldError.of("body", "too-long", "error.common.text.too-long", MAX_BODY));
            return;
        }
        List<String> unsafe = renderer.unsafeLinks(body);
        if (!unsafe.isEmpty()) {
            errors.add(FieldError.of("body", "unsafe-link", "error.newsletter.body.unsafe-link", unsafe.size()));
        } else if (renderer.links(body).size() > MAX_LINKS) {
            errors.add(FieldError.of("body", "too-many-links", "error.newsletter.body.too-many-links", MAX_LINKS));
        }
        errors.addAll(images(body, attached));
    }

    /**
     * The refusals of the body's images: one on the web, or one naming a picture the campaign does not have (which
     * would show as a broken picture). Checked when the draft is saved and again when it is scheduled.
     */
    List<FieldError> images(String body, Set<String> attached) {
        List<FieldError> errors = new ArrayList<>(remoteImages(body));
        renderer.attachedImages(body).stream()
                .filter(image -> !attached.contains(image.name()))
                .limit(MAX_IMAGE_ERRORS)
                .map(image -> FieldError.of(
                        "body",
                        "unknown-image",
                        "error.newsletter.body.unknown-image",
                        shown(image.name()),
                        image.line()))
                .forEach(errors::add);
        return errors;
    }

    /** The names of the campaign's pictures. */
    Set<String> attachedNames(UUID id) {
        return images.list(id).stream().map(CampaignImage::name).collect(Collectors.toSet());
    }

    /**
     * The names of the campaign's pictures, its row locked until the transaction ends: no picture is attached or
     * deleted meanwhile ({@link CampaignImages} locks the row for either).
     */
    Set<String> attachedNamesLocked(UUID id) {
        images.lockStatus(id);
        return attachedNames(id);
    }

    /**
     * The body's pictures that will not be shown, as they stand: one it names that the campaign does not have (a
     * draft may lose one: it was deleted after the body named it), or one on the web (a draft saved before those were
     * refused). The preview shows each as its alternative text, and the campaign cannot be sent until it is attached
     * or removed; the campaign's page says so.
     */
    List<FieldError> missingPictures(Campaign campaign) {
        return images(campaign.body(), attachedNames(campaign.id()));
    }

    /** A name as an error message quotes it: at most 64 characters of it. */
    private static String shown(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    /**
     * One refusal for each of the first images a mail reader would fetch from the web, naming its host and line: an
     * image elsewhere tells its host who opened the mail and when, tracking that no consent covers.
     */
    List<FieldError> remoteImages(String body) {
        return renderer.remoteImages(body).stream()
                .limit(MAX_IMAGE_ERRORS)
                .map(image -> FieldError.of(
                        "body", "remote-image", "error.newsletter.body.remote-image", image.host(), image.line()))
                .toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
