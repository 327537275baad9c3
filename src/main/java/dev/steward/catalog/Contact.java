package dev.steward.catalog;

import org.jspecify.annotations.Nullable;

/** A person or body one can reach: a data protection officer, a supervisory authority. */
public record Contact(
        String name,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String website) {}
