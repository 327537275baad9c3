package dev.steward.rights;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request as a visitor submits it in the privacy center or through {@code POST /api/v1/sites/{site}/requests}:
 * the right (e.g. {@code access}, {@code erasure}), the address that proves who they are, and what the right needs.
 */
public record NewRequest(
        String type,
        String email,
        @Nullable String region,
        @Nullable List<String> grounds,
        @Nullable List<String> purposes,
        @Nullable Map<String, String> changes,
        @Nullable String statement,
        @Nullable String transferTo,
        @Nullable String message) {

    @Override
    public String toString() {
        return "NewRequest[type=" + type + ", region=" + region + "]";
    }
}
