package dev.steward.catalog.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers where in the YAML each bound element and each of its values came from, so that checks made after
 * binding can still point at the right line and column. Paths are component names, with {@code [i]} for list
 * items and {@code .key} for map entries, relative to the record that owns them; the empty path is the record.
 */
final class SourceMap {

    private final Map<Object, Map<String, Location>> locations = new IdentityHashMap<>();

    void put(Object element, String path, Location location) {
        locations.computeIfAbsent(element, ignored -> new HashMap<>()).put(path, location);
    }

    /**
     * Moves what was recorded for a stand-in to the element itself: a record's values are bound before the
     * record can be built.
     */
    void adopt(Object standIn, Object element) {
        Map<String, Location> recorded = locations.remove(standIn);
        if (recorded != null) {
            recorded.forEach((path, location) -> put(element, path, location));
        }
    }

    /** Where the value at {@code path} of {@code element} was written, or the element itself if it was absent. */
    Location at(Object element, String path) {
        Map<String, Location> paths = locations.getOrDefault(element, Map.of());
        Location exact = paths.get(path);
        if (exact != null) {
            return exact;
        }
        int cut = Math.max(path.lastIndexOf('['), path.lastIndexOf('.'));
        return cut > 0 ? at(element, path.substring(0, cut)) : paths.get("");
    }

    Location of(Object element) {
        return at(element, "");
    }
}
