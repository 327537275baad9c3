package dev.steward.newsletter;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tracking pixel and the click redirect of tracked messages. The pixel always answers the same transparent image;
 * a click leads to the campaign's link at that position, and nowhere else, so the address cannot be used to send
 * people to a site of someone's choosing. Whether anything is recorded is {@link Tracking}'s decision.
 */
@RestController
class TrackingController {

    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final Tracking tracking;

    TrackingController(Tracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/s/{site}/n/{campaign}/o/{pseudonym}")
    ResponseEntity<byte[]> opened(
            @PathVariable String site,
            @PathVariable String campaign,
            @PathVariable String pseudonym,
            HttpServletRequest request) {
        if (read(request)) {
            id(campaign).ifPresent(id -> tracking.opened(site, id, pseudonym));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_GIF)
                .cacheControl(CacheControl.noStore())
                .body(PIXEL);
    }

    @GetMapping("/s/{site}/n/{campaign}/c/{link}/{pseudonym}")
    ResponseEntity<Void> clicked(
            @PathVariable String site,
            @PathVariable String campaign,
            @PathVariable String link,
            @PathVariable String pseudonym,
            HttpServletRequest request) {
        Optional<String> target = id(campaign)
                .flatMap(id -> position(link)
                        .flatMap(position -> tracking.clicked(site, id, position, pseudonym, read(request))));
        return target.map(url -> ResponseEntity.status(HttpStatus.FOUND)
                        .header(HttpHeaders.LOCATION, url)
                        .cacheControl(CacheControl.noStore())
                        .<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    /**
     * Whether the request is someone reading: a HEAD (Spring answers it with the GET handler) is a mail scanner or a
     * link checker asking whether the address answers, and recording it would say the person opened or clicked.
     */
    private static boolean read(HttpServletRequest request) {
        return !HttpMethod.HEAD.matches(request.getMethod());
    }

    private static Optional<UUID> id(String campaign) {
        try {
            return Optional.of(UUID.fromString(campaign));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> position(String link) {
        return link.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(link)) : Optional.empty();
    }
}
