package dev.steward.consent;

import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/consent-decisions?site=&subject=&purpose=[&at=]}: may the integrator use this person's data for
 * the purpose now, or at a past instant? Integrators authenticate with an API key scoped to the site.
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
                    "May this person's data be used for the purpose on the site now (or at `at`)? Answers from the consent ledger, with the legal basis and the event that decided.")
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
