package dev.steward.rights;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step in a request's history; the message is decrypted for whoever may read it. */
public record RequestEvent(
        Instant occurredAt,
        String kind,
        String actor,
        @Nullable String message) {}
