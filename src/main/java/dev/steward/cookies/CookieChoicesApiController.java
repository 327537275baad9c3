package dev.steward.cookies;

import dev.steward.accounts.SignedInVisitors;
import dev.steward.platform.ApiErrors;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.OwnAddress;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/sites/{site}/cookie-choices}: the banner records a choice (no key: any visitor may, at a rate per
 * IP address); {@code GET /api/v1/admin/cookie-choices?site=}: staff count the choices per banner version.
 */
@RestController
class CookieChoicesApiController {

    private final ChoiceRequests requests;
    private final CookieChoices choices;
    private final ChoiceRateLimit rateLimit;
    private final SignedInVisitors signedIn;
    private final CurrentCaller caller;
    private final ErrorWords words;
    private final OwnAddress own;

    CookieChoicesApiController(
            ChoiceRequests requests,
            CookieChoices choices,
            ChoiceRateLimit rateLimit,
            SignedInVisitors signedIn,
            CurrentCaller caller,
            ErrorWords words,
            OwnAddress own) {
        this.own = own;
        this.requests = requests;
        this.choices = choices;
        this.rateLimit = rateLimit;
        this.signedIn = signedIn;
        this.caller = caller;
        this.words = words;
    }

    @Operation(
            summary = "Record a cookie-banner choice",
            description =
                    "The banner a site embeds records the visitor's choice in the consent ledger under a pseudonym and answers with its receipts. No key: the site's origin. 429 when one address chooses too often.")
    @ApiResponse(
            responseCode = "429",
            description = "Sent too often from this address (rate-limited); try again after Retry-After seconds.")
    @ApiResponse(
            responseCode = "201",
            description =
                    "Recorded: the choice, its receipt page, the visitor's token and one consent event per category.")
    @PostMapping("/api/v1/sites/{site}/cookie-choices")
    ResponseEntity<Object> record(
            @PathVariable String site,
            @RequestBody(required = false) @Nullable String body,
            HttpServletRequest request) {
        Optional<Duration> wait = rateLimit.admit(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ResponseEntity<ApiErrors> refused = words.tooMany(
                    seconds, FieldError.of(null, "rate-limited", "error.cookies.request.rate-limited"), request);
            return new ResponseEntity<>(refused.getBody(), refused.getHeaders(), refused.getStatusCode());
        }
        CheckedChoice choice = requests.check(site, body == null ? "" : body, Gpc.sentBy(request));
        CookieChoices.RecordedChoice recorded = choices.record(
                choice,
                new CookieChoices.Visitor(
                        signedIn.on(site, request)
                                .map(SignedInVisitors.SignedIn::subject)
                                .orElse(null),
                        request.getRemoteAddr(),
                        request.getHeader(HttpHeaders.USER_AGENT)));
        String base = own.base();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("choice", recorded.id());
        answer.put("receipt", base + "/s/" + site + "/cookie-choices/" + recorded.id());
        answer.put("token", recorded.token());
        answer.put(
                "events",
                recorded.events().stream()
                        .map(event -> Map.of(
                                "category", event.category(),
                                "purpose", event.purpose(),
                                "action", event.action(),
                                "receipt", base + "/receipts/" + event.event()))
                        .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @Operation(
            summary = "Count cookie-banner choices",
            description =
                    "Banner choices of a site counted per notice version, wording, region and choice. Counts only.")
    @GetMapping("/api/v1/admin/cookie-choices")
    @Requires(Permission.READ_COOKIE_CHOICES)
    List<CookieChoiceRepository.ChoiceCount> counts(@RequestParam String site) {
        caller.requireSite(site);
        return choices.counts(site);
    }

    @ExceptionHandler
    ResponseEntity<ApiErrors> stale(StaleBannerException e, HttpServletRequest request) {
        return words.answer(
                HttpStatus.CONFLICT,
                FieldError.of("version", "stale-banner", "error.cookies.version.stale-banner"),
                request);
    }
}
