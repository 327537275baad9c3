package dev.steward.newsletter;

import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.ShownError;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A campaign's pictures over the staff API: attached to a draft as {@code multipart/form-data} (a {@code file}, and a
 * {@code name} unless the file's own will do), listed with the Markdown that shows each, read back, deleted. Staff
 * who compose campaigns change them; whoever reads campaigns reads them. A campaign no longer a draft answers 409.
 */
@RestController
@Requires(Permission.READ_CAMPAIGNS)
class CampaignImageApiController {

    private final CampaignImages images;
    private final ErrorWords words;
    private final CampaignDrafts drafts;
    private final VisibleCampaigns visible;

    CampaignImageApiController(
            CampaignImages images, ErrorWords words, CampaignDrafts drafts, VisibleCampaigns visible) {
        this.drafts = drafts;
        this.visible = visible;
        this.images = images;
        this.words = words;
    }

    /** A picture as listed: {@code markdown} is what to paste into the body to show it. */
    record ImageView(String name, String mediaType, int size, String markdown, String uploadedBy, Instant uploadedAt) {

        static ImageView of(CampaignImage image) {
            return new ImageView(
                    image.name(),
                    image.mediaType(),
                    image.size(),
                    image.markdown(),
                    image.uploadedBy(),
                    image.uploadedAt());
        }
    }

    @Operation(
            summary = "Attach a picture to a campaign",
            description =
                    "Multipart form data: `file` (PNG, JPEG, GIF or WebP, judged by its bytes) and an optional `name` (letters, digits, `.`, `-`, `_`; the file's own name made safe otherwise). The body shows it as `![alt](cid:name)`; every message carries it inside (multipart/related), so opening the mail fetches nothing. Limits: 512 KB a picture, 1 MB and 20 pictures a campaign unless configured otherwise. Only a draft's pictures change (409).")
    @PostMapping("/api/v1/admin/campaigns/{id}/images")
    @ResponseStatus(HttpStatus.CREATED)
    @Requires(Permission.SEND_CAMPAIGNS)
    ImageView attach(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String name) {
        return ImageView.of(images.attach(id, name, file == null ? null : file.getOriginalFilename(), bytes(file)));
    }

    @Operation(
            summary = "List a campaign's pictures",
            description = "Name, type, size and the Markdown that shows each picture in the body.")
    @GetMapping("/api/v1/admin/campaigns/{id}/images")
    List<ImageView> list(@PathVariable UUID id) {
        return images.list(id).stream().map(ImageView::of).toList();
    }

    @Operation(summary = "Read a campaign's picture", description = "The picture's bytes, with its type.")
    @GetMapping("/api/v1/admin/campaigns/{id}/images/{name}")
    ResponseEntity<byte[]> read(@PathVariable UUID id, @PathVariable String name) {
        return picture(images.read(id, name));
    }

    /** What the draft's body still names that it no longer has, in the error shape: empty when nothing is missing. */
    record Deleted(List<ShownError> missingPictures) {}

    @Operation(
            summary = "Delete a campaign's picture",
            description =
                    "Removes the picture from a draft and answers the pictures its body names that it does not have (`missingPictures`, as the console warns): a body that still names one is refused when it is sent.")
    @DeleteMapping("/api/v1/admin/campaigns/{id}/images/{name}")
    @Requires(Permission.SEND_CAMPAIGNS)
    Deleted delete(@PathVariable UUID id, @PathVariable String name) {
        images.delete(id, name);
        return new Deleted(words.shown(drafts.missingPictures(visible.get(id))));
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> notADraft(CampaignImages.NotADraft e, HttpServletRequest request) {
        return words.answer(HttpStatus.CONFLICT, e.error(), request);
    }

    /** A picture as the console and the API serve it: its own type, never guessed again, kept by no shared cache. */
    static ResponseEntity<byte[]> picture(CampaignImage.Stored stored) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.image().mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(stored.image().name())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .body(stored.bytes());
    }

    static byte @Nullable [] bytes(@Nullable MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
