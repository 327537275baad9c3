package dev.steward.vault;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifies one personal record in the vault. */
public record RecordId(@JsonValue UUID value) {

    public static RecordId random() {
        return new RecordId(UUID.randomUUID());
    }

    @JsonCreator
    public static RecordId parse(String text) {
        return new RecordId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
