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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
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
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");

    private final CampaignRepository campaigns;
    private final VisibleCampaigns visible;
    private final CampaignLists lists;
    private final CampaignRenderer renderer;
    private final Catalogs catalogs;
    private final Clock clock;

    CampaignDrafts(
            CampaignRepository campaigns,
            VisibleCampaigns visible,
            CampaignLists lists,
            CampaignRenderer renderer,
            Catalogs catalogs,
            Clock clock) {
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
        checkContent(draft.subjectLine(), draft.body(), errors);
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
        if ((changes.site() != null && !changes.site().equals(campaign.site()))
                || (changes.list() != null && !changes.list().equals(campaign.purpose()))) {
            errors.add(new FieldError("list", "fixed", "A campaign's site and list cannot change; compose a new one."));
        }
        String subjectLine = changes.subjectLine() != null ? changes.subjectLine() : campaign.subjectLine();
        String body = changes.body() != null ? changes.body() : campaign.body();
        checkContent(subjectLine, body, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!campaigns.updateDraft(id, subjectLine.strip(), body, renderer.links(body), now())) {
            throw new InvalidInputException(
                    "status",
                    "not-a-draft",
                    "Only a draft can be changed; this campaign is "
                            + campaign.status().words().toLowerCase(Locale.ROOT) + ".");
        }
        return visible.get(id);
    }

    private Optional<MailingList> listOf(Draft draft, List<FieldError> errors) {
        if (draft.site() == null || draft.site().isBlank()) {
            errors.add(new FieldError("site", "required", "Choose the site the campaign is for."));
            return Optional.empty();
        }
        Optional<Site> found = catalogs.site(draft.site());
        if (found.isEmpty()) {
            errors.add(new FieldError("site", "unknown-site", "There is no site '" + draft.site() + "'."));
            return Optional.empty();
        }
        Site site = found.get();
        if (site.mail() == null) {
            errors.add(new FieldError(
                    "site",
                    "no-sender",
                    "Site '" + site.key() + "' declares no mail section (sender) in its catalog."));
            return Optional.empty();
        }
        if (draft.list() == null || draft.list().isBlank()) {
            errors.add(new FieldError("list", "required", "Choose the list the campaign goes to."));
            return Optional.empty();
        }
        Optional<MailingList> list = lists.find(site.key(), draft.list());
        if (list.isEmpty()) {
            errors.add(new FieldError(
                    "list",
                    "unknown-list",
                    "Site '" + site.key() + "' has no list '" + draft.list() + "': lists are its direct-marketing"
                            + " purposes with double opt-in and the purposes its mail section names operational."));
        }
        return list;
    }

    private void checkContent(@Nullable String subjectLine, @Nullable String body, List<FieldError> errors) {
        if (subjectLine == null || subjectLine.isBlank()) {
            errors.add(new FieldError("subjectLine", "required", "A campaign needs a subject line."));
        } else if (subjectLine.length() > MAX_SUBJECT_LINE) {
            errors.add(new FieldError(
                    "subjectLine", "too-long", "The subject line has more than " + MAX_SUBJECT_LINE + " characters."));
        } else if (LINE_BREAK.matcher(subjectLine).find()) {
            errors.add(new FieldError("subjectLine", "line-break", "The subject line must be a single line."));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "required", "A campaign needs a body."));
            return;
        }
        if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "too-long", "The body has more than " + MAX_BODY + " characters."));
            return;
        }
        List<String> unsafe = renderer.unsafeLinks(body);
        if (!unsafe.isEmpty()) {
            errors.add(new FieldError(
                    "body",
                    "unsafe-link",
                    "Links and images must be absolute http(s) or mailto addresses; " + unsafe.size() + " are not."));
        } else if (renderer.links(body).size() > MAX_LINKS) {
            errors.add(new FieldError("body", "too-many-links", "A campaign has at most " + MAX_LINKS + " links."));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
