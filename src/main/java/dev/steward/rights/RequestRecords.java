package dev.steward.rights;

import dev.steward.platform.NotFoundException;
import dev.steward.vault.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes a request's sealed details and its history, under the requester's key. */
@Component
class RequestRecords {

    private final RequestRepository requests;
    private final RequestEventRepository events;
    private final Vault vault;
    private final JsonMapper json;
    private final Clock clock;

    RequestRecords(
            RequestRepository requests, RequestEventRepository events, Vault vault, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.events = events;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
    }

    byte[] seal(RightsRequest request, RequestDetails details) {
        return vault.seal(request.subject(), json.writeValueAsBytes(details), context(request.id()));
    }

    /** The details, or none once the requester was erased (the request itself remains, as evidence it was answered). */
    java.util.Optional<RequestDetails> details(RightsRequest request) {
        return requests.details(request.id())
                .flatMap(ciphertext -> open(request, ciphertext, context(request.id())))
                .map(bytes -> json.readValue(bytes, RequestDetails.class));
    }

    private java.util.Optional<byte[]> open(RightsRequest request, byte[] sealed, String context) {
        return request.subject() == null ? java.util.Optional.empty() : vault.open(request.subject(), sealed, context);
    }

    RequestDetails requireDetails(RightsRequest request) {
        return details(request).orElseThrow(() -> new NotFoundException("The request's details are no longer held."));
    }

    void log(RightsRequest request, String kind, String actor, @Nullable String message) {
        byte[] sealed = message == null || request.subject() == null || !vault.exists(request.subject())
                ? null
                : vault.seal(
                        request.subject(), message.getBytes(StandardCharsets.UTF_8), context(request.id()) + ":event");
        events.append(request.id(), clock.instant(), kind, actor, sealed);
    }

    List<RequestEvent> history(RightsRequest request) {
        return events.of(request.id()).stream()
                .map(event -> new RequestEvent(
                        event.occurredAt(),
                        event.kind(),
                        event.actor(),
                        event.message() == null
                                ? null
                                : open(request, event.message(), context(request.id()) + ":event")
                                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                                        .orElse(null)))
                .toList();
    }

    private static String context(UUID request) {
        return "rights-request:" + request;
    }
}
