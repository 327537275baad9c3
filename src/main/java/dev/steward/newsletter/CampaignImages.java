package dev.steward.newsletter;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import java.time.Clock;
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
 * The pictures of a campaign draft: attached, listed, read and deleted by staff who compose campaigns, and sent
 * inside every message. A picture's name is what the body's {@code ![alt](cid:name)} names; it becomes the part's
 * Content-ID and file name, so it is letters, digits, dots, hyphens and underscores only (no line break or quote can
 * reach a header). Its type is judged by its bytes, its size and the campaign's total are limited
 * ({@link NewsletterSettings.Images}). Only a draft's pictures change: once scheduled, its messages are fixed.
 */
@Service
class CampaignImages {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private final VisibleCampaigns visible;
    private final CampaignImageRepository images;
    private final NewsletterSettings settings;
    private final Clock clock;

    CampaignImages(VisibleCampaigns visible, CampaignImageRepository images, NewsletterSettings settings, Clock clock) {
        this.visible = visible;
        this.images = images;
        this.settings = settings;
        this.clock = clock;
    }

    /** A change to the pictures of a campaign that is no longer a draft: answered 409. */
    static final class NotADraft extends RuntimeException {

        private final transient FieldError error;

        NotADraft(CampaignStatus status) {
            super("not a draft: " + status.key());
            this.error = FieldError.of("status", "not-a-draft", "error.newsletter.status.not-a-draft", status.phrase());
        }

        FieldError error() {
            return error;
        }
    }

    /**
     * Attaches a picture under the name given, or else under the file's own name made safe ("Team photo.JPG" is
     * "Team-photo.JPG"); everything wrong with it is answered at once and nothing is stored.
     */
    @Transactional
    CampaignImage attach(UUID id, @Nullable String name, @Nullable String fileName, byte @Nullable [] bytes) {
        Campaign campaign = visible.get(id);
        String uploadedBy = visible.requireSite(campaign.site());
        requireDraft(id);
        List<FieldError> errors = new ArrayList<>();
        String chosen = name != null && !name.isBlank() ? name : safeName(fileName);
        if (!NAME.matcher(chosen).matches()) {
            errors.add(FieldError.of("name", "invalid", "error.newsletter.name.invalid"));
        }
        Optional<String> type = Optional.empty();
        NewsletterSettings.Images limits = settings.images();
        if (bytes == null || bytes.length == 0) {
            errors.add(FieldError.of("file", "required", "error.newsletter.file.required"));
        } else if (bytes.length > limits.maxSize().toBytes()) {
            errors.add(FieldError.of(
                    "file", "too-large", "error.newsletter.file.too-large", kb(bytes.length), kb(limits.maxSize())));
        } else {
            type = ImageKinds.of(bytes);
            if (type.isEmpty()) {
                errors.add(FieldError.of("file", "not-an-image", "error.newsletter.file.not-an-image"));
            }
        }
        if (errors.isEmpty()) {
            List<CampaignImage> attached = images.list(id);
            long total = bytes.length
                    + attached.stream().mapToLong(CampaignImage::size).sum();
            if (attached.stream().anyMatch(image -> image.name().equals(chosen))) {
                errors.add(FieldError.of("name", "taken", "error.newsletter.name.taken", chosen));
            } else if (attached.size() >= limits.maxCount()) {
                errors.add(FieldError.of("file", "too-many", "error.newsletter.file.too-many", limits.maxCount()));
            } else if (total > limits.maxTotal().toBytes()) {
                errors.add(FieldError.of(
                        "file",
                        "campaign-full",
                        "error.newsletter.file.campaign-full",
                        kb(total),
                        kb(limits.maxTotal())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CampaignImage image = new CampaignImage(
                chosen,
                type.orElseThrow(),
                bytes.length,
                uploadedBy,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        images.insert(id, image, bytes);
        return image;
    }

    List<CampaignImage> list(UUID id) {
        visible.get(id);
        return images.list(id);
    }

    CampaignImage.Stored read(UUID id, String name) {
        visible.get(id);
        return images.find(id, name).orElseThrow(() -> notFound(id, name));
    }

    @Transactional
    void delete(UUID id, String name) {
        visible.get(id);
        requireDraft(id);
        if (!images.delete(id, name)) {
            throw notFound(id, name);
        }
    }

    private void requireDraft(UUID id) {
        CampaignStatus status = images.lockStatus(id).orElseThrow();
        if (status != CampaignStatus.DRAFT) {
            throw new NotADraft(status);
        }
    }

    private static NotFoundException notFound(UUID id, String name) {
        // the name is shown only when it is one a picture could have: nothing else is echoed
        return new NotFoundException(
                "Campaign " + id + " has no image " + (NAME.matcher(name).matches() ? name : "of that name") + ".");
    }

    /** The uploaded file's name with every run of other characters as one hyphen; empty when nothing is left. */
    static String safeName(@Nullable String fileName) {
        if (fileName == null) {
            return "";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = UNSAFE.matcher(base.strip()).replaceAll("-").replaceAll("^[._-]+", "");
        return safe.length() > 64 ? safe.substring(safe.length() - 64).replaceAll("^[._-]+", "") : safe;
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,d", (bytes + 1023) / 1024);
    }

    private static String kb(org.springframework.util.unit.DataSize size) {
        return kb(size.toBytes());
    }
}
