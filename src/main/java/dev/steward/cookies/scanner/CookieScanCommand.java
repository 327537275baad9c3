package dev.steward.cookies.scanner;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cookies scan}: scans a site and prints the report (text, or JSON with {@code --format json}), with progress
 * on standard error. It reads the catalog only and starts no database, so a site's CI can run it; the work is
 * {@link CookieScanner}'s, only the options are read here.
 */
@Command(
        name = "scan",
        description = {
            "Visit a site's pages in headless Chromium, once rejecting and once accepting every cookie category, and"
                    + " hold every cookie, storage key and third-party host against the catalog. Exit 0 when the"
                    + " site keeps to the catalog, 1 when it violates it (or the scan cannot run), 2 for a usage"
                    + " error. Only the site's own origin is crawled, and no form is sent."
        })
class CookieScanCommand extends CliCommand {

    /** How the report is printed. */
    enum Format {
        TEXT,
        JSON
    }

    private static final Map<String, String> OPTION_OF_FIELD = Map.of(
            "site", "--site", "pages", "--pages", "urls", "--url", "region", "--region", "baseUrl", "--base-url");

    @Option(names = "--site", required = true, paramLabel = "SITE", description = "the site's key in the catalog")
    private String site;

    @Option(
            names = "--pages",
            paramLabel = "N",
            description = "the most pages to visit (each twice); default steward.cookies.scanner.pages")
    private @Nullable Integer pages;

    @Option(
            names = "--url",
            arity = "1..*",
            paramLabel = "URL",
            description = "pages to visit first, besides the home page and sitemap.xml; the site's own origin only")
    private List<String> urls = new ArrayList<>();

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "the jurisdiction whose visitor the scan plays; the site's default when not given")
    private @Nullable String region;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "scan this copy of the site (staging, a local build) instead of the catalog's address")
    private @Nullable String baseUrl;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default) or json: the report as the API answers it, with the catalog snippet")
    private Format format;

    /** Asked for once the options are read, so that --help and a usage error start nothing. */
    private final ObjectProvider<CookieScanner> scanners;

    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<ScanWords> words;

    private final ObjectProvider<ErrorWords> errorWords;

    CookieScanCommand(
            ObjectProvider<CookieScanner> scanners,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ScanWords> words,
            ObjectProvider<ErrorWords> errorWords) {
        this.errorWords = errorWords;
        this.scanners = scanners;
        this.json = json;
        this.words = words;
    }

    @Override
    public Integer call() {
        CookieScanner scanner = scanners.getObject();
        ScanTarget target;
        try {
            target = scanner.target(new ScanRequest(site, pages, urls, region, baseUrl));
        } catch (InvalidInputException e) {
            throw usageError(e.errors().stream().map(this::said).collect(Collectors.joining("\n")));
        }
        ScanWords english = words.getObject();
        ScanReport report = scanner.scan(target, progress -> err().println(english.progress(progress, Locale.ENGLISH)));
        out().print(
                        format == Format.JSON
                                ? json.getObject().writeValueAsString(report) + "\n"
                                : ScanReportText.of(report, english));
        out().flush();
        return report.violates() ? CommandLine.PROBLEMS_FOUND : CommandLine.OK;
    }

    private String said(FieldError error) {
        return OPTION_OF_FIELD.getOrDefault(error.field(), "--site") + ": "
                + errorWords.getObject().english(error);
    }
}
