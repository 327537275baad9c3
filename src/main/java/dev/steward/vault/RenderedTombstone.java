package dev.steward.vault;

import org.jspecify.annotations.Nullable;

/**
 * A tombstone with its record and subject ids already written out, joined by commas as its canonical form joins them
 * (a sweep batch's, as PostgreSQL wrote them): then neither its canonical form nor its line in the erasure log file
 * renders tens of thousands of ids again (its COPY sends the ids in binary, from the tombstone's lists). A text is null where the tombstone has no such list, or
 * where the list is to be rendered from the tombstone.
 */
record RenderedTombstone(
        Tombstone tombstone,
        @Nullable String recordsText,
        @Nullable String subjectsText) {

    /** A tombstone whose ids are rendered from its lists where needed. */
    static RenderedTombstone of(Tombstone tombstone) {
        return new RenderedTombstone(tombstone, null, null);
    }
}
