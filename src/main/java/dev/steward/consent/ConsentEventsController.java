package dev.steward.consent;

import dev.steward.platform.EmailAddresses;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/consent-events}: an integrator records a consent action it collected itself (a banner, an app),
 * for a subject given by id or e-mail address. A consent given by e-mail for an address Steward does not know yet
 * creates a subject for it.
 */
@RestController
@Requires(Permission.RECORD_CONSENT)
class ConsentEventsController {

    private final ConsentLedger ledger;
    private final ConsentIndex index;
    private final Identities identities;
    private final CurrentCaller caller;

    ConsentEventsController(ConsentLedger ledger, ConsentIndex index, Identities identities, CurrentCaller caller) {
        this.ledger = ledger;
        this.index = index;
        this.identities = identities;
        this.caller = caller;
    }

    record NewEvent(
            String site,
            @Nullable String subject,
            @Nullable String email,
            String purpose,
            @Nullable String activity,
            String action,
            @Nullable String wording,
            @Nullable String jurisdiction,
            @Nullable String method) {}

    record Recorded(UUID event, long seq, String subject, String action, String receipt) {}

    @Operation(
            summary = "Record a consent event",
            description =
                    "Records a consent given, withdrawn or objected to that the integrator collected; chained in the ledger and signed with a receipt.")
    @PostMapping("/api/v1/consent-events")
    @ResponseStatus(HttpStatus.CREATED)
    // one transaction for the request: a withdrawal by address appends one event per subject carrying it, and a crash
    // or an error half-way must not leave some withdrawn without an answer to the integrator, who sends it again
    // (crash23)
    @Transactional
    Recorded record(@RequestBody NewEvent request, HttpServletRequest http) {
        caller.requireSite(request.site());
        ConsentAction action = parse(ConsentAction.class, "action", request.action());
        if (action == ConsentAction.LAPSED) {
            // a lapse is Steward's finding that a consent's validity ran out, never someone's word
            throw new InvalidInputException(
                    FieldError.of("action", "not-for-integrators", "error.consent.action.not-for-integrators"));
        }
        CollectionMethod method = request.method() == null
                ? CollectionMethod.API
                : parse(CollectionMethod.class, "method", request.method());
        if (!method.integrators()) {
            throw new InvalidInputException(FieldError.of(
                    "method", "not-for-integrators", "error.consent.method.not-for-integrators", method.label()));
        }
        List<SubjectId> subjects = subjects(request, action);
        // which key relayed it, chained with the event: the key's name may be reused, its id is not
        String relayedBy =
                caller.apiKey().map(key -> ConsentEvent.RELAYED_BY + key).orElse(null);
        List<ConsentEvent> events = subjects.stream()
                .map(subject -> {
                    ConsentRequest event = ConsentRequest.of(subject, request.site(), request.purpose(), action, method)
                            .withActivity(request.activity())
                            .withWording(request.wording())
                            .withJurisdiction(request.jurisdiction())
                            .withConnection(null, http.getHeader("User-Agent"))
                            .withEvidence(relayedBy, false);
                    // an id must be the site's person's; an address's subjects were chosen among those (or made new)
                    return request.subject() != null ? ledger.recordOnSite(event) : ledger.record(event);
                })
                .toList();
        ConsentEvent event = events.get(0);
        return new Recorded(event.id(), event.seq(), event.subject().toString(), action.key(), event.receiptPath());
    }

    /**
     * The subject given by id; or, by e-mail address, the subject a consent is filed under (one carrying the address,
     * else a new one: filing a consent joins no data), while a withdrawal or objection reaches every subject that
     * carries the address, since it may only ever stop processing. Only subjects with anything on the site count, by id
     * or by address: the site's integrator acts as if only the site's people existed (attack13 M1), so another site's
     * subject id is not found, exactly as an id never issued, and an address known only elsewhere is a new one here.
     */
    private List<SubjectId> subjects(NewEvent request, ConsentAction action) {
        if (request.subject() != null && request.email() != null) {
            throw new InvalidInputException(
                    FieldError.of("email", "subject-given", "error.consent.email.subject-given"));
        }
        if (request.subject() != null) {
            try {
                // one with nothing on the site is refused by the ledger as one it does not have
                return List.of(SubjectId.parse(request.subject()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FieldError.of("subject", "invalid", "error.consent.subject.invalid"));
            }
        }
        if (request.email() == null) {
            throw new InvalidInputException(FieldError.of("subject", "required", "error.consent.subject.required"));
        }
        if (!EmailAddresses.valid(request.email().strip())) {
            throw new InvalidInputException(FieldError.of("email", "invalid", "error.consent.email.invalid"));
        }
        Identifier email = Identifier.email(request.email());
        if (action.grants()) {
            return List.of(identities.forAddress(email, one -> index.ofKnownOn(one, request.site()) != null));
        }
        List<SubjectId> carrying = identities.carrying(email).stream()
                .filter(one -> index.ofKnownOn(one, request.site()) != null)
                .toList();
        if (carrying.isEmpty()) {
            throw new InvalidInputException(
                    FieldError.of("email", "unknown-subject", "error.consent.email.unknown-subject"));
        }
        return carrying;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(FieldError.of(
                    field,
                    "invalid",
                    "error.consent.field.invalid",
                    field,
                    value,
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .toList()));
        }
    }
}
