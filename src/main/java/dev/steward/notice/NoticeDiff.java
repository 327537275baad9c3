package dev.steward.notice;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How one published version of a site's notice differs from another. */
record NoticeDiff(String site, String from, String to, List<Change> changes) {

    /** An element of a category (purposes, fields, …) added, removed or changed. */
    record Change(String category, String key, String kind, Map<String, Attribute> attributes) {}

    record Attribute(@Nullable String before, @Nullable String after) {}
}
