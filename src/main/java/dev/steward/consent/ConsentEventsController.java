package dev.steward.consent;

import dev.steward.platform.InvalidInputException;
import dev.steward.staff.CurrentCaller;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import dev.steward.vault.Identifier;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/consent-events}: an integrator records a consent action it collected itself (a banner, an app),
 * for a subject given by id or e-mail address. A consent given by e-mail for someone Steward does not know yet
 * creates the subject.
 */
@RestController
@Requires(Permission.RECORD_CONSENT)
class ConsentEventsController {

    private final ConsentLedger ledger;
    private final Vault vault;
    private final CurrentCaller caller;

    ConsentEventsController(ConsentLedger ledger, Vault vault, CurrentCaller caller) {
        this.ledger = ledger;
        this.vault = vault;
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

    @PostMapping("/api/v1/consent-events")
    @ResponseStatus(HttpStatus.CREATED)
    Recorded record(@RequestBody NewEvent request, HttpServletRequest http) {
        caller.requireSite(request.site());
        ConsentAction action = parse(ConsentAction.class, "action", request.action());
        CollectionMethod method = request.method() == null
                ? CollectionMethod.API
                : parse(CollectionMethod.class, "method", request.method());
        if (!method.integrators()) {
            throw new InvalidInputException(
                    "method",
                    "not-for-integrators",
                    "Consents collected by " + method.label() + " are Steward's own to record.");
        }
        SubjectId subject = subject(request, action);
        ConsentEvent event = ledger.record(ConsentRequest.of(subject, request.site(), request.purpose(), action, method)
                .withActivity(request.activity())
                .withWording(request.wording())
                .withJurisdiction(request.jurisdiction())
                .withConnection(null, http.getHeader("User-Agent")));
        return new Recorded(event.id(), event.seq(), subject.toString(), action.key(), event.receiptPath());
    }

    private SubjectId subject(NewEvent request, ConsentAction action) {
        if (request.subject() != null) {
            try {
                return SubjectId.parse(request.subject());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("subject", "invalid", "subject must be a subject id.");
            }
        }
        if (request.email() == null || !request.email().contains("@")) {
            throw new InvalidInputException("subject", "required", "Give the subject's id or e-mail address.");
        }
        Identifier email = Identifier.email(request.email());
        return action == ConsentAction.GIVEN
                ? vault.subjectFor(List.of(email))
                : vault.find(email)
                        .orElseThrow(() -> new InvalidInputException(
                                "email", "unknown-subject", "Steward holds nothing about this e-mail address."));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(
                    field,
                    "invalid",
                    field + " '" + value + "' is not one of "
                            + java.util.Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                    .toList());
        }
    }
}
