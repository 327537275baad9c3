package dev.steward.vault;

import dev.steward.catalog.Span;

/** A retention rule's statutory minimum: records of the site kept under the rule stay at least this long. */
public record StatutoryMinimum(String site, String retentionRule, Span minimum) {}
