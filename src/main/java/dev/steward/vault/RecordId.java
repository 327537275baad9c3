package dev.steward.vault;

import java.util.UUID;

/** Identifies one personal record in the vault. */
public record RecordId(UUID value) {

    public static RecordId random() {
        return new RecordId(UUID.randomUUID());
    }

    public static RecordId parse(String text) {
        return new RecordId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
