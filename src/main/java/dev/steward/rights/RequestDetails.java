package dev.steward.rights;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the requester asked, sealed under their key: the address they gave, the grounds chosen (erasure, restriction),
 * the purposes (withdrawal, objection), the corrections and supplementary statement (rectification), the address to
 * transfer their data to (portability) and anything they wrote.
 */
record RequestDetails(
        String email,
        List<String> grounds,
        List<String> purposes,
        Map<String, String> changes,
        @Nullable String statement,
        @Nullable String transferTo,
        @Nullable String message) {

    RequestDetails {
        grounds = List.copyOf(grounds);
        purposes = List.copyOf(purposes);
        changes = Map.copyOf(changes);
    }

    @Override
    public String toString() {
        return "RequestDetails[grounds=" + grounds + ", purposes=" + purposes + ", changes=" + changes.keySet() + "]";
    }
}
