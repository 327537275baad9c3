package dev.steward.rights;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The address a visitor proved in this browser (with the mailed code or the link's button), remembered for a while
 * per site so that each right's page offers it and a further request for it needs no second mail round trip. The
 * session keeps only the id of the request that proved it: the address itself stays sealed in the vault, and is gone
 * from here too once that request's details are.
 */
@Component
class VerifiedAddresses {

    /** Long enough to ask for several rights in one visit; short, as the browser may be shared afterwards. */
    static final Duration REMEMBERED = Duration.ofMinutes(30);

    private static final String KEY = "steward.center.proven.";

    private final RequestRepository requests;
    private final RequestRecords records;
    private final Clock clock;

    VerifiedAddresses(RequestRepository requests, RequestRecords records, Clock clock) {
        this.requests = requests;
        this.records = records;
        this.clock = clock;
    }

    private record Proof(UUID request, Instant at) implements Serializable {}

    /**
     * The request's address was just proven in this browser. The session gets a new id first, as a sign-in does: a
     * session id someone else planted in this browser beforehand (session fixation) must not carry the proof, which
     * confirms further requests for the address, withdrawals and restrictions at once among them (attack16).
     */
    void remember(RightsRequest proven, HttpServletRequest http) {
        if (http.getSession(false) != null) {
            http.changeSessionId();
        }
        http.getSession().setAttribute(KEY + proven.site(), new Proof(proven.id(), clock.instant()));
    }

    /** The address proven in this browser for the site within {@link #REMEMBERED}, if any. */
    Optional<String> on(String site, HttpServletRequest http) {
        HttpSession session = http.getSession(false);
        Object stored = session == null ? null : session.getAttribute(KEY + site);
        if (!(stored instanceof Proof proof)
                || clock.instant().isAfter(proof.at().plus(REMEMBERED))) {
            return Optional.empty();
        }
        return requests.find(proof.request())
                .filter(request -> request.site().equals(site))
                .flatMap(records::details)
                .map(RequestDetails::email);
    }
}
