package dev.steward.staff;

import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/admin/api-keys}: administrators create, list and revoke API keys. */
@RestController
@Requires(Permission.MANAGE_API_KEYS)
class ApiKeysController {

    private final ApiKeys keys;
    private final CurrentCaller caller;

    ApiKeysController(ApiKeys keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    record NewKey(
            String name,
            @Nullable String kind,
            @Nullable Set<StaffRole> roles,
            @Nullable Set<String> sites) {}

    @Operation(
            summary = "Create an API key",
            description =
                    "An `integrator`, `staff` or `metrics` key for the caller's sites. The token is answered once and stored only as a hash.")
    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.Created create(@RequestBody NewKey request) {
        Caller.Kind kind = switch (request.kind() == null ? "integrator" : request.kind()) {
            case "integrator" -> Caller.Kind.INTEGRATOR;
            case "staff" -> Caller.Kind.STAFF;
            case "metrics" -> Caller.Kind.METRICS;
            default -> throw new InvalidInputException(FieldError.of("kind", "invalid", "error.staff.kind.invalid.2"));
        };
        return keys.create(
                request.name(),
                kind,
                request.roles() == null ? Set.of() : request.roles(),
                request.sites() == null ? Set.of() : request.sites(),
                caller.get(),
                caller.apiKey());
    }

    @Operation(
            summary = "List API keys",
            description = "Keys on the caller's sites with their kind, sites and use; never their tokens.")
    @GetMapping("/api/v1/admin/api-keys")
    List<ApiKey> list() {
        return keys.visibleTo(caller.get());
    }

    @Operation(summary = "Revoke an API key", description = "Revokes the key on every node at once.")
    @DeleteMapping("/api/v1/admin/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        keys.revoke(id, caller.get());
    }
}
