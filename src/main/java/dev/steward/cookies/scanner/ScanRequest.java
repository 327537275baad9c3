package dev.steward.cookies.scanner;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to scan, as the command line, the console or the API asks for it.
 *
 * @param pages how many pages to visit; the setting's number when null
 * @param urls pages to visit first, besides the site's base address and its sitemap; all on the site's own origin
 * @param region the jurisdiction whose visitor the scan plays; the site's default when null
 * @param baseUrl another copy of the site to scan in its place (a staging or local build); the catalog's when null
 */
public record ScanRequest(
        @Nullable String site,
        @Nullable Integer pages,
        List<String> urls,
        @Nullable String region,
        @Nullable String baseUrl) {

    public static ScanRequest of(String site, @Nullable Integer pages, @Nullable String region) {
        return new ScanRequest(site, pages, List.of(), region, null);
    }
}
