package dev.steward.consent;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/consent-decisions?site=&subject=&purpose=[&at=]}: may the integrator use this person's data for
 * the purpose now, or at a past instant? Integrators authenticate with an API key scoped to the site. A GET with a key
 * is answered by the {@link ConsentDecisionValve} before it reaches this handler, with the same rules; this one
 * serves the rest (HEAD, callers without a key, who are refused) and describes the operation.
 */
@RestController
@Requires(Permission.DECIDE_CONSENT)
class ConsentDecisionController {

    private final ConsentDecisions decisions;
    private final CurrentCaller caller;

    ConsentDecisionController(ConsentDecisions decisions, CurrentCaller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @Operation(
            summary = "Decide whether consent allows a use",
            description =
                    "May this person's data be used for the purpose on the site now (or at `at`)? Answers from the consent ledger, with the legal basis and the event that decided. 400 with field errors for missing or malformed parameters, 429 when the key calls more often than its rate.")
    @ApiResponse(
            responseCode = "429",
            description =
                    "The key called more often than its rate allows (STEWARD_API_KEY_RATE a second on each node); try again after Retry-After seconds.")
    @GetMapping("/api/v1/consent-decisions")
    ConsentDecision decide(
            @RequestParam String site,
            @RequestParam String subject,
            @RequestParam String purpose,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        caller.requireSite(site);
        return decisions.decide(site, subject, purpose, at);
    }
}
