package dev.steward.cookies.scanner;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import dev.steward.cookies.scanner.Crawl.Area;
import dev.steward.cookies.scanner.Crawl.VisitedPage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One visitor of the scan: a fresh browser profile whose every cookie, storage key and request is noted in the
 * {@link Observations}. It visits pages by address only (no form is submitted, and a page that submits one on its own
 * is stopped), dismisses dialogs, closes pop-ups and refuses downloads and service workers. Steward's banner is asked
 * for in the scan's jurisdiction, and the proof of a choice it would post to the ledger is answered here instead: a
 * scan is not a visitor's consent.
 */
final class BrowserPass implements AutoCloseable {

    private static final String OBSERVER = Resources.text("cookies/scanner/observer.js");
    private static final String SITEMAP = Resources.text("cookies/scanner/sitemap.js");
    private static final String STORAGE = "() => { const keys = (area) => { try { return Object.keys(window[area]); }"
            + " catch (e) { return []; } }; return { local: keys('localStorage'), session: keys('sessionStorage') }; }";
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final int SITEMAP_BYTES = 5 * 1024 * 1024;
    private static final Pattern NET_ERROR = Pattern.compile("net::(ERR_[A-Z_]+)");

    private final ScanTarget target;
    private final Observations seen;
    private final Duration pageTimeout;
    private final BrowserContext context;
    private final Page page;

    BrowserPass(Browser browser, ScanTarget target, Observations seen, Duration pageTimeout) {
        this.target = target;
        this.seen = seen;
        this.pageTimeout = pageTimeout;
        this.context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(target.site().language())
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setAcceptDownloads(false));
        context.setDefaultTimeout(pageTimeout.toMillis());
        context.exposeBinding("__stewardScanNote", (source, args) -> {
            seen.written(String.valueOf(args[0]), String.valueOf(args[1]), String.valueOf(args[2]));
            return null;
        });
        context.addInitScript(OBSERVER);
        context.route("**/*", this::route);
        context.onRequest(seen::request);
        context.onResponse(seen::response);
        this.page = context.newPage();
        context.onPage(popup -> popup.close());
        page.onDialog(dialog -> {
            if ("beforeunload".equals(dialog.type())) {
                dialog.accept();
            } else {
                dialog.dismiss();
            }
        });
    }

    Page page() {
        return page;
    }

    record PageVisit(VisitedPage page, boolean onSite, List<String> links) {}

    /** Loads the page, waits for it to settle, and notes what it set. */
    PageVisit visit(URI url, Deadline deadline) {
        seen.page(url);
        String address = WebAddresses.withoutQuery(url.toString());
        Integer status = null;
        try {
            Response response =
                    page.navigate(url.toString(), new Page.NavigateOptions().setTimeout(deadline.millis(pageTimeout)));
            status = response == null ? null : response.status();
        } catch (PlaywrightException e) {
            snapshot();
            return new PageVisit(new VisitedPage(address, null, failure(e)), false, List.of());
        }
        settle(deadline);
        snapshot();
        URI landed = WebAddresses.web(page.url());
        if (landed == null || !target.crawls(landed)) {
            String where = landed == null ? page.url() : WebAddresses.origin(landed);
            return new PageVisit(new VisitedPage(address, status, "led off the site, to " + where), false, List.of());
        }
        String problem = status != null && status >= 400 ? "answered with HTTP status " + status : null;
        return new PageVisit(new VisitedPage(address, status, problem), problem == null, links());
    }

    /** Waits until the page has made no request for a moment, or a few seconds at most: some pages never rest. */
    void settle(Deadline deadline) {
        try {
            page.waitForLoadState(
                    LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(deadline.millis(SETTLE)));
        } catch (TimeoutError e) {
            // what it set so far is noted; a page that keeps polling would otherwise hold the scan
        }
    }

    /** Notes the browser's cookies and the page's storage keys as they are now. */
    void snapshot() {
        try {
            double now = ((Number) page.evaluate("() => Date.now()")).doubleValue() / 1000;
            seen.cookies(context.cookies(), now);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> keys = (Map<String, List<String>>) page.evaluate(STORAGE);
            seen.storage(Area.LOCAL, keys.get("local"));
            seen.storage(Area.SESSION, keys.get("session"));
        } catch (PlaywrightException e) {
            // the page went away (crashed, or navigated on its own); the next page's snapshot sees what stays
        }
    }

    /** The addresses the site's sitemap lists, read from a page of the site (so its fetch runs the same rules). */
    @SuppressWarnings("unchecked")
    List<String> sitemap(int limit) {
        try {
            String url = WebAddresses.origin(target.base()) + "/sitemap.xml";
            return (List<String>) page.evaluate(SITEMAP, List.of(url, limit, SITEMAP_BYTES));
        } catch (PlaywrightException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> links() {
        try {
            return (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]'), a => a.href)");
        } catch (PlaywrightException e) {
            return List.of();
        }
    }

    private void route(Route route) {
        Request request = route.request();
        if (request.isNavigationRequest() && !"GET".equals(request.method())) {
            seen.problem(Problem.note("form-not-sent"));
            route.abort("blockedbyclient");
            return;
        }
        String path = WebAddresses.withoutQuery(request.url());
        if (path.endsWith("/s/" + target.siteKey() + "/consent.js")) {
            route.resume(new Route.ResumeOptions()
                    .setUrl(UriComponentsBuilder.fromUriString(request.url())
                            .replaceQueryParam("region", target.jurisdiction().key())
                            .build(true)
                            .toUriString()));
        } else if (path.endsWith("/api/v1/sites/" + target.siteKey() + "/cookie-choices")) {
            route.fulfill(new Route.FulfillOptions().setStatus(204).setHeaders(cors(request)));
        } else {
            route.resume();
        }
    }

    private static Map<String, String> cors(Request request) {
        String origin = request.headerValue("origin");
        return Map.of(
                "Access-Control-Allow-Origin",
                origin == null ? "*" : origin,
                "Access-Control-Allow-Credentials",
                "true");
    }

    private static String failure(PlaywrightException e) {
        if (e instanceof TimeoutError) {
            return "did not finish loading in time";
        }
        Matcher error = NET_ERROR.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (!error.find()) {
            return "could not be loaded";
        }
        return switch (error.group(1)) {
            case "ERR_TUNNEL_CONNECTION_FAILED", "ERR_PROXY_CONNECTION_FAILED" ->
                "could not be loaded: its address is not on the public internet";
            case "ERR_CONNECTION_REFUSED" -> "could not be loaded: the server refused the connection";
            case "ERR_NAME_NOT_RESOLVED" -> "could not be loaded: there is no such host";
            default -> "could not be loaded (" + error.group(1) + ")";
        };
    }

    @Override
    public void close() {
        context.close();
    }
}
