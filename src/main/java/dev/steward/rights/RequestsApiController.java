package dev.steward.rights;

import dev.steward.catalog.RightType;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.RateLimitedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The privacy center as JSON: {@code POST /api/v1/sites/{site}/requests} answers 202 with the request and where to
 * follow it (the requester then proves the address with the mailed link or code), or 200 with the answer for rights
 * that need no request.
 */
@RestController
class RequestsApiController {

    private final PrivacyCenter center;
    private final ErrorWords words;

    RequestsApiController(PrivacyCenter center, ErrorWords words) {
        this.center = center;
        this.words = words;
    }

    record Accepted(UUID request, String status, String statusUrl, String statusToken) {}

    @Operation(
            summary = "Submit a rights request",
            description =
                    "A data subject asks to exercise a right on a site. 202 with a status page while the address is verified, or 200 with a direct answer for rights carried out at once.")
    @ApiResponse(
            responseCode = "429",
            description =
                    "Sent too often from this address, or naming this e-mail address (rate-limited, the forms' limits); try again after Retry-After seconds.")
    @PostMapping("/api/v1/sites/{site}/requests")
    ResponseEntity<?> submit(@PathVariable String site, @RequestBody NewRequest request, HttpServletRequest http) {
        RightType type = direct(request.type());
        if (type != null) {
            return center.directAnswer(site, request.region(), type)
                    .<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> words.answer(
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            FieldError.of(null, "right-not-offered", "error.rights.request.right-not-offered"),
                            http));
        }
        PrivacyCenter.Submitted submitted = center.submit(site, request, http.getRemoteAddr());
        return ResponseEntity.accepted()
                .body(new Accepted(
                        submitted.id(),
                        submitted.status().key(),
                        "/s/" + site + "/privacy-center/requests/" + submitted.statusToken(),
                        submitted.statusToken()));
    }

    record Verification(
            @Nullable String token,
            @Nullable String statusToken,
            @Nullable String code) {}

    @Operation(
            summary = "Verify a rights request",
            description =
                    "Confirms the requester's address with the link's token, or with the status token and the code sent by e-mail.")
    @ApiResponse(
            responseCode = "429",
            description =
                    "Too many wrong codes for the request's address across its requests (too-many-wrong-codes), or codes sent too often from this IP address (rate-limited); try again after Retry-After seconds. The link's token still works.")
    @PostMapping("/api/v1/sites/{site}/requests/verification")
    Status verify(@PathVariable String site, @RequestBody Verification verification, HttpServletRequest http) {
        RightsRequest request = verification.token() != null
                ? center.verifyLink(site, verification.token())
                : center.verifyCode(
                        String.valueOf(verification.statusToken()),
                        String.valueOf(verification.code()),
                        http.getRemoteAddr());
        return Status.of(request, List.of());
    }

    @Operation(
            summary = "End a rights request its address's owner did not make",
            description =
                    "With the verification link's token: the request ends with nothing carried out (status expired) and no longer counts among the requests that may wait for the address. Works on a request waiting for confirmation, or one that wrong codes ended within the last 24 hours.")
    @PostMapping("/api/v1/sites/{site}/requests/verification/decline")
    Status decline(@PathVariable String site, @RequestBody Verification verification) {
        if (verification.token() == null) {
            throw new InvalidInputException(FieldError.of("token", "required", "error.rights.token.required"));
        }
        return Status.of(center.declineLink(site, verification.token()), List.of());
    }

    /** Too many requests or codes from the sender (the forms' buckets): 429 with when to try again. */
    @ExceptionHandler
    ResponseEntity<ApiErrors> rateLimited(RateLimitedException e, HttpServletRequest http) {
        return words.tooMany(e.retryAfterSeconds(), e.error(), http);
    }

    /** Too many wrong codes for the request's address: 429 until the oldest leaves the window. */
    @ExceptionHandler
    ResponseEntity<ApiErrors> codesLocked(CodesLockedException e, HttpServletRequest http) {
        return words.tooMany(e.retryAfterSeconds(), e.errors().get(0), http);
    }

    record Status(
            UUID request,
            String type,
            String status,
            Instant createdAt,
            @Nullable Instant receivedAt,
            @Nullable Instant deadline,
            @Nullable String outcome,
            List<Told> recipientsTold) {
        static Status of(RightsRequest request, List<RecipientNotice> notices) {
            return new Status(
                    request.id(),
                    request.typeKey(),
                    request.status().key(),
                    request.createdAt(),
                    request.receivedAt(),
                    request.deadline(),
                    request.outcome(),
                    notices.stream()
                            .map(n -> new Told(n.recipient(), n.change().key(), n.told(), n.toldAt()))
                            .toList());
        }
    }

    record Told(
            String recipient,
            String change,
            boolean told,
            @Nullable Instant toldAt) {}

    @Operation(
            summary = "Read a request's status",
            description = "The status, deadline and the recipients told, for whoever holds the request's status token.")
    @GetMapping("/api/v1/sites/{site}/requests/{statusToken}")
    Status status(@PathVariable String site, @PathVariable String statusToken) {
        PrivacyCenter.View view = center.view(statusToken);
        if (!view.request().site().equals(site)) {
            throw new dev.steward.platform.NotFoundException("There is no request at this address.");
        }
        return Status.of(view.request(), view.recipientsTold());
    }

    /** The JSON schema of the data handed over for portability (GDPR Art. 20), also in the repository's docs. */
    @Operation(
            summary = "Get the portability schema",
            description = "The JSON schema of the data a portability request delivers.")
    @GetMapping(value = "/api/v1/schemas/portability.json", produces = "application/schema+json")
    ResponseEntity<byte[]> portabilitySchema() throws IOException {
        try (InputStream schema = new ClassPathResource("docs/portability.schema.json").getInputStream()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/schema+json"))
                    .body(schema.readAllBytes());
        }
    }

    private static @Nullable RightType direct(@Nullable String type) {
        if (type == null) {
            return null;
        }
        String key = type.toUpperCase(Locale.ROOT).replace('-', '_');
        return key.equals("AUTOMATED_DECISIONS") || key.equals("COMPLAINT") ? RightType.valueOf(key) : null;
    }
}
