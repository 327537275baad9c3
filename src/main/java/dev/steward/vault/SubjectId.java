package dev.steward.vault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * A data subject's internal identifier: random (time-ordered for subjects created in bulk, see {@code OrderedIds}),
 * meaningless outside Steward, never derived from personal data.
 */
public record SubjectId(@JsonValue UUID value) {

    public static SubjectId random() {
        return new SubjectId(UUID.randomUUID());
    }

    @JsonCreator
    public static SubjectId parse(String text) {
        return new SubjectId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
