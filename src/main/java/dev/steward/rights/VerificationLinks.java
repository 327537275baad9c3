package dev.steward.rights;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.Phrase;
import dev.steward.platform.UnusableLinkException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the verification link's page shows before its button confirms ({@link PrivacyCenter#verifyLink}): the request
 * it still confirms, or why it confirms nothing. Opening the page changes nothing.
 */
@Component
class VerificationLinks {

    private final RequestRepository requests;
    private final Catalogs catalogs;
    private final Clock clock;

    VerificationLinks(RequestRepository requests, Catalogs catalogs, Clock clock) {
        this.requests = requests;
        this.catalogs = catalogs;
        this.clock = clock;
    }

    static Optional<RightsRequest> byLink(RequestRepository requests, String site, String token) {
        return requests.byVerificationToken(Tokens.hash(token))
                .filter(found -> found.site().equals(site));
    }

    /** The request the link's page is about, and whether its button may still confirm it. */
    record Page(RightsRequest request, boolean confirmable) {}

    /**
     * A request waiting for its proof can be confirmed or declined; one that wrong codes ended a moment ago can only be
     * declined (it counts as waiting for a day, {@link RequestVerification#decline}); any other makes the link unusable.
     */
    @Transactional(readOnly = true)
    Page page(String site, String token) {
        Instant now = clock.instant();
        RightsRequest request = byLink(requests, site, token).orElseThrow(() -> unusable(site, token));
        boolean waiting = request.status() == RequestStatus.AWAITING_VERIFICATION
                && requests.verification(request.id())
                        .map(verification -> now.isBefore(verification.expiresAt()))
                        .orElse(false);
        boolean endedByWrongCodes = request.status() == RequestStatus.EXPIRED
                && RightsRequest.WRONG_CODES.equals(request.outcome())
                && request.closedAt() != null
                && request.closedAt().isAfter(now.minus(PrivacyCenter.VERIFICATION_VALID));
        if (!waiting && !endedByWrongCodes) {
            throw unusable(site, token);
        }
        return new Page(request, waiting);
    }

    /** Why the link confirms nothing: confirmed already, expired (or cancelled), or never sent. */
    UnusableLinkException unusable(String siteKey, String token) {
        EmailLinks.Reason reason = byLink(requests, siteKey, token)
                .map(request -> switch (request.status()) {
                    case AWAITING_VERIFICATION, EXPIRED -> EmailLinks.Reason.EXPIRED;
                    default -> EmailLinks.Reason.USED;
                })
                .orElse(EmailLinks.Reason.UNKNOWN);
        Site site = catalogs.requireSite(siteKey);
        return new UnusableLinkException(new UnusableLinkException.Page(
                reason,
                siteKey,
                site.name().in(site.language()),
                reason == EmailLinks.Reason.USED
                        ? Phrase.of("link.verification.used")
                        : Phrase.of("link.verification.expired", PrivacyCenter.VERIFICATION_VALID.toHours()),
                "/s/" + siteKey + "/privacy-center",
                Phrase.of("link.next.privacy-center")));
    }
}
