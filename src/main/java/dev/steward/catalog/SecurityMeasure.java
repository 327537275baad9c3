package dev.steward.catalog;

import org.jspecify.annotations.Nullable;

/** A technical or organisational security measure (GDPR Art. 30(1)(g), Art. 32). */
public record SecurityMeasure(String key, @Nullable String site, LocalizedText name, LocalizedText description) {}
