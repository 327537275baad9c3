package dev.steward.cookies.scanner;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cookies scan}: scans a site and prints the report (text, or JSON with {@code --format json}), with progress
 * on standard error. Exit code 0 when the site keeps to the catalog, 1 when it violates it, 2 for a usage error, 3 when
 * the scan cannot run here. It reads the catalog only and starts no database, so a site's CI can run it. The command
 * is a thin layer over {@link CookieScanner}: only the options are parsed here.
 */
@Command(
        name = "cookies scan",
        usage = "cookies scan --site SITE [--pages N] [--url URL...] [--region REGION] [--base-url URL]"
                + " [--format text|json]   crawl the site in Chromium and hold its cookies against the catalog")
class CookieScanCommand implements CliCommand {

    private static final String USAGE = "Usage: java -jar steward.jar cookies scan --site SITE [--pages N]"
            + " [--url URL...] [--region REGION] [--base-url URL] [--format text|json]";
    private static final Set<String> SINGLE = Set.of("--site", "--pages", "--region", "--base-url", "--format");
    private static final Map<String, String> OPTION_OF_FIELD =
            Map.of("site", "--site", "pages", "--pages", "urls", "--url", "region", "--region", "baseUrl", "--base-url");

    /** Asked for once the options are good, so that a usage error starts nothing. */
    private final ObjectProvider<CookieScanner> scanners;

    private final JsonMapper json;

    CookieScanCommand(ObjectProvider<CookieScanner> scanners, JsonMapper json) {
        this.scanners = scanners;
        this.json = json;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        List<String> urls = new ArrayList<>();
        if (!parse(arguments, options, urls) || !Set.of("text", "json").contains(options.getOrDefault("--format", "text"))) {
            err.println(USAGE);
            return 2;
        }
        Integer pages;
        try {
            pages = options.containsKey("--pages") ? Integer.valueOf(options.get("--pages")) : null;
        } catch (NumberFormatException e) {
            err.println("--pages: give the number of pages to visit, such as 20.");
            return 2;
        }
        CookieScanner scanner = scanners.getObject();
        try {
            ScanTarget target = scanner.target(new ScanRequest(
                    options.get("--site"), pages, urls, options.get("--region"), options.get("--base-url")));
            ScanReport report = scanner.scan(target, progress -> err.println(progress.describe()));
            out.print("json".equals(options.get("--format"))
                    ? json.writeValueAsString(report) + "\n"
                    : ScanReportText.of(report));
            return report.violates() ? 1 : 0;
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                err.println(OPTION_OF_FIELD.getOrDefault(error.field(), "--site") + ": " + error.message());
            }
            return 2;
        } catch (ScannerUnavailableException | InvalidCookieDatabaseException e) {
            err.println(e.getMessage());
            return 3;
        }
    }

    /** {@code --url} takes every address up to the next option; the others take one value each. */
    private static boolean parse(List<String> arguments, Map<String, String> options, List<String> urls) {
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (option.equals("--url")) {
                int first = i + 1;
                while (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                    urls.add(arguments.get(++i));
                }
                if (i < first) {
                    return false;
                }
            } else if (SINGLE.contains(option) && i + 1 < arguments.size() && !options.containsKey(option)) {
                options.put(option, arguments.get(++i));
            } else {
                return false;
            }
        }
        return options.containsKey("--site");
    }
}
