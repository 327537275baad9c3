package dev.steward.rights;

import dev.steward.catalog.RightType;
import dev.steward.catalog.Span;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The requester proves the address a request names is theirs, by the mailed link or code (or by being signed in, or
 * by a proof made in this browser a moment ago): only then is the request received, its deadline set and the quick
 * rights carried out. A link or code works once, before it expires, and a few wrong codes end the request; more wrong
 * codes for the same address, across its requests, lock codes for it for a while ({@link WrongCodes}). Each step
 * runs in the transaction of {@link PrivacyCenter}, which is the entry point for pages and the API.
 */
@Component
class RequestVerification {

    static final int CODE_ATTEMPTS = 5;
    /** A second access request within this period counts as repeated (seed 001 §5.2: a fee may apply). */
    static final Span REPEAT_WINDOW = new Span(java.time.Period.ofMonths(12), Duration.ZERO);

    private final RequestRepository requests;
    private final RequestRecords records;
    private final Deadlines deadlines;
    private final Fulfilment fulfilment;
    private final RightsMail mail;
    private final Identities identities;
    private final WrongCodes wrongCodes;
    private final Clock clock;

    RequestVerification(
            RequestRepository requests,
            RequestRecords records,
            Deadlines deadlines,
            Fulfilment fulfilment,
            RightsMail mail,
            Identities identities,
            WrongCodes wrongCodes,
            Clock clock) {
        this.wrongCodes = wrongCodes;
        this.requests = requests;
        this.records = records;
        this.deadlines = deadlines;
        this.fulfilment = fulfilment;
        this.mail = mail;
        this.identities = identities;
        this.clock = clock;
    }

    /** The link from the verification mail, used (by its page's button, or through the API). */
    RightsRequest verifyLink(String site, String token) {
        RightsRequest request =
                VerificationLinks.byLink(requests, site, token).orElseThrow(RequestVerification::unusable);
        requireUnexpired(request);
        return received(request, "requester", null);
    }

    /**
     * The code from the verification mail, typed on the request's page. A wrong code is counted even though the
     * refusal is an exception: the caller's transaction must not roll back for it.
     */
    RightsRequest verifyCode(RightsRequest request, String code) {
        RequestRepository.Verification verification =
                requests.verification(request.id()).orElseThrow(RequestVerification::unusable);
        requireUnexpired(request);
        // wrong codes count per address, not per request: a new request must not bring fresh guesses
        byte[] address = requests.emailIndex(request.id()).orElseThrow(RequestVerification::unusable);
        requests.lockAddress(address);
        wrongCodes.requireUnlocked(address);
        if (!MessageDigest.isEqual(verification.codeHash(), Tokens.hash(request.id(), code.strip()))) {
            int wrong = requests.wrongCode(request.id());
            Optional<Duration> locked = wrongCodes.count(address);
            if (wrong >= CODE_ATTEMPTS) {
                requests.expire(request.id(), clock.instant(), RightsRequest.WRONG_CODES);
            }
            if (locked.isPresent()) {
                throw WrongCodes.locked(locked.get());
            }
            if (wrong >= CODE_ATTEMPTS) {
                throw new InvalidInputException(
                        FieldError.of("code", "too-many-attempts", "error.rights.code.too-many-attempts"));
            }
            throw new InvalidInputException(FieldError.of("code", "wrong-code", "error.rights.code.wrong-code"));
        }
        return received(request, "requester", null);
    }

    /**
     * The verification link's other button: its mailbox's owner did not ask. The request ends with nothing carried
     * out, and stops counting among the few that may wait for the address, so that a stranger filing requests with
     * someone's address cannot keep them from their own (attack21), nor by typing wrong codes, which keep a request
     * counted for a day. The link proves the mailbox, as confirming does.
     */
    RightsRequest decline(String site, String token) {
        RightsRequest request =
                VerificationLinks.byLink(requests, site, token).orElseThrow(RequestVerification::unusable);
        Instant now = clock.instant();
        boolean waiting = requests.verification(request.id())
                .map(verification -> now.isBefore(verification.expiresAt()))
                .orElse(false);
        if (request.status() == RequestStatus.AWAITING_VERIFICATION && !waiting
                || !requests.decline(request.id(), now, now.minus(PrivacyCenter.VERIFICATION_VALID))) {
            throw unusable();
        }
        records.log(request, "declined", "requester", null);
        return requests.find(request.id()).orElseThrow();
    }

    /** The requester proved the address ({@code by} what); with the status link when no mail has carried it yet. */
    RightsRequest received(RightsRequest request, String by, @Nullable String statusToken) {
        if (request.status() != RequestStatus.AWAITING_VERIFICATION) {
            throw unusable();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = deadlines.due(request.site(), request.jurisdiction(), now);
        UUID duplicate = requests.openDuplicate(request).orElse(null);
        boolean repeated = isAccess(request.type()) && requests.answeredSince(request, REPEAT_WINDOW.subtractFrom(now));
        if (!requests.received(request.id(), now, due, duplicate, repeated)) {
            throw unusable();
        }
        if (!"account".equals(by)) {
            identities.prove(
                    request.subject(),
                    Identifier.email(records.requireDetails(request).email()),
                    "rights-request");
        }
        RightsRequest verified = requests.find(request.id()).orElseThrow();
        records.log(verified, "verified", by, null);
        RightsRequest answered = fulfilment.onReceived(verified);
        if (answered.status() == RequestStatus.RECEIVED) {
            // carried out at once, the answer itself confirms it; otherwise the requester learns the deadline
            mail.received(answered, records.requireDetails(answered).email(), statusToken);
        }
        return answered;
    }

    private void requireUnexpired(RightsRequest request) {
        Instant expires = requests.verification(request.id())
                .map(RequestRepository.Verification::expiresAt)
                .orElse(null);
        if (request.status() != RequestStatus.AWAITING_VERIFICATION
                || expires == null
                || clock.instant().isAfter(expires)) {
            throw unusable();
        }
    }

    static boolean isAccess(RightType type) {
        return type == RightType.ACCESS || type == RightType.DISCLOSURE;
    }

    private static InvalidInputException unusable() {
        return new InvalidInputException(
                FieldError.of("token", "expired-or-used", "error.rights.token.expired-or-used"));
    }
}
