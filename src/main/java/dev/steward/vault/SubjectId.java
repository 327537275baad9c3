package dev.steward.vault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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

    /**
     * WHY written out: every consent decision looks its subject up in two caches, and the record's generated {@code
     * equals} and {@code hashCode} go through {@code ObjectMethods}' method handles, a share of the decision port's CPU
     * of its own (bench/README.md). The same answers as the record's.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other == this || other instanceof SubjectId subject && value.equals(subject.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
