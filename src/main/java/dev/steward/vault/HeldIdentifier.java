package dev.steward.vault;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An identifier a subject carries, decrypted, and when it was proven to be theirs (null: never). */
public record HeldIdentifier(
        Identifier identifier, boolean links, @Nullable Instant provenAt) {

    public boolean proven() {
        return provenAt != null;
    }
}
