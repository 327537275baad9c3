package dev.steward.cookies.scanner;

/**
 * How far a scan has come, for the person waiting: what it does now in words, and pages visited of those it plans
 * to visit in both passes together (the plan grows while the first pass finds links, up to the page limit).
 */
public record ScanProgress(String step, int pagesDone, int pagesPlanned) {

    /** One line for a terminal or a status region. */
    public String describe() {
        return step + " (" + pagesDone + " of " + pagesPlanned + " page visits)";
    }
}
