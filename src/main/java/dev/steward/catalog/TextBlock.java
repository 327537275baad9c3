package dev.steward.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Editorial prose (Markdown) placed around the facts of a notice. Facts never live here: a text block
 * explains, the catalog elements state.
 */
public record TextBlock(
        String key, @Nullable String site, Section section, List<String> regions, LocalizedText markdown) {

    /** Where in the notice the block stands. */
    public enum Section {
        INTRODUCTION,
        PURPOSES,
        RECIPIENTS,
        RIGHTS,
        SECURITY,
        COOKIES,
        CHILDREN,
        STORAGE,
        PRINCIPLES,
        TRANSFERS,
        CHANGES,
        CLOSING
    }

    /** A block without regions is shown everywhere. */
    public boolean appliesTo(String region) {
        return regions.isEmpty() || regions.contains(region);
    }
}
