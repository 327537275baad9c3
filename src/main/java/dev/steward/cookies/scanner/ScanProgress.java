package dev.steward.cookies.scanner;

import org.jspecify.annotations.Nullable;

/**
 * How far a scan has come, for the person waiting: what it does now as a code ({@link ScanWords} says it in words),
 * the page it visits, and pages visited of those it plans to visit in both passes together (the plan grows while the
 * first pass finds links, up to the page limit).
 *
 * @param step {@code starting}, {@code rejecting}, {@code rejecting-done}, {@code accepting}, {@code accepting-done}
 */
public record ScanProgress(String step, @Nullable String page, int pagesDone, int pagesPlanned) {}
