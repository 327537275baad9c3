package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.Crawl.VisitedPage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a scan found, held against the catalog: every cookie, storage key and host of another party the pages used,
 * each with what the catalog says of it and what is wrong, the declared ones never seen, and a catalog snippet for
 * what is undeclared. The same record is the JSON of the API and of {@code cookies scan --format json}.
 *
 * @param region the jurisdiction whose visitor the scan played
 * @param consentScript where the pages loaded Steward's banner from; null when they did not
 * @param problems what the scan itself ran into (the banner missing, a time limit), besides the findings
 * @param classifiedBy which edition of the Open Cookie Database suggested categories and providers
 * @param catalogSnippet YAML for the catalog's {@code cookies:} that declares what the catalog does not
 */
public record ScanReport(
        String site,
        String siteName,
        String region,
        String regionName,
        String baseUrl,
        Instant startedAt,
        Instant finishedAt,
        @Nullable String consentScript,
        List<VisitedPage> pages,
        List<Finding> findings,
        List<Problem> problems,
        int violations,
        int warnings,
        String classifiedBy,
        String catalogSnippet) {

    /** Whether the site does something the catalog does not allow. */
    public boolean violates() {
        return violations > 0;
    }

    /**
     * One cookie, storage key or host: as seen (null fields were not seen, as for a declared one never seen), as
     * declared, as the Open Cookie Database knows it, and its problems.
     *
     * @param kind "cookie", "local storage", "session storage", "host" or, for a declared one never seen, "web
     *     beacon"
     * @param lifetime how long it was set to last, in words
     * @param setBy the script or response that set it, when seen
     * @param seen when it was seen: before any choice, after rejecting, after accepting
     * @param types for a host, the kinds of resource requested there (image, script, ping, ...)
     */
    public record Finding(
            String kind,
            String name,
            @Nullable String domain,
            @Nullable String path,
            @Nullable String lifetime,
            @Nullable Long lifetimeSeconds,
            @Nullable Boolean thirdParty,
            @Nullable String setBy,
            @Nullable String firstPage,
            List<Moment> seen,
            List<String> types,
            @Nullable Declared declared,
            @Nullable Suggestion suggestion,
            List<Problem> problems) {

        public boolean has(Problem.Severity severity) {
            return problems.stream().anyMatch(problem -> problem.severity() == severity);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        Finding withProblems(List<Problem> worded) {
            return new Finding(
                    kind,
                    name,
                    domain,
                    path,
                    lifetime,
                    lifetimeSeconds,
                    thirdParty,
                    setBy,
                    firstPage,
                    seen,
                    types,
                    declared,
                    suggestion,
                    worded);
        }
    }

    /** What the catalog declares, in the site's first language. */
    public record Declared(
            String key,
            String provider,
            String category,
            @Nullable String duration,
            String purpose) {}

    /**
     * What the Open Cookie Database says of an undeclared one.
     *
     * @param category the catalog category it suggests, as the catalog writes it; null when it has no counterpart
     */
    public record Suggestion(
            String platform,
            String provider,
            @Nullable String category,
            @Nullable String categoryWords,
            String retention,
            String description,
            String privacyUrl) {

        static Suggestion of(CookieDatabase.Entry entry) {
            return new Suggestion(
                    entry.platform(),
                    entry.controller().isEmpty() ? entry.platform() : entry.controller(),
                    entry.suggested() == null ? null : entry.suggested().key(),
                    entry.suggested() == null ? null : entry.suggested().words(),
                    entry.retention(),
                    entry.description(),
                    entry.privacyUrl());
        }
    }
}
