package dev.steward.cookies.scanner;

import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import dev.steward.cookies.scanner.Crawl.Area;
import dev.steward.cookies.scanner.Crawl.SeenCookie;
import dev.steward.cookies.scanner.Crawl.SeenHost;
import dev.steward.cookies.scanner.Crawl.SeenStorage;
import dev.steward.cookies.scanner.Crawl.VisitedPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What the browser does while the scanner drives it, noted as it happens: cookies and storage keys with who set them,
 * requests to other parties, and where Steward's banner came from. Fed from Playwright's events and the observer
 * script on the one thread that drives the browser.
 */
final class Observations {

    private final Parties parties;
    private final String consentScriptPath;
    private Moment moment = Moment.BEFORE_CHOICE;
    private String page = "";
    private final Map<String, CookieSighting> cookies = new LinkedHashMap<>();
    private final Map<String, StorageSighting> storage = new LinkedHashMap<>();
    private final Map<String, HostSighting> hosts = new LinkedHashMap<>();
    private final Map<String, String> setters = new LinkedHashMap<>();
    private final Set<String> stewardOrigins = new LinkedHashSet<>();
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private @Nullable String consentScript;

    Observations(ScanTarget target) {
        this.parties = target.parties();
        this.consentScriptPath = "/s/" + target.siteKey() + "/consent.js";
    }

    void moment(Moment now) {
        this.moment = now;
    }

    void page(URI url) {
        this.page = WebAddresses.withoutQuery(url.toString());
    }

    /** Something about the crawl itself; noted once however often it happens. */
    void problem(Problem problem) {
        problems.putIfAbsent(problem.code(), problem);
    }

    /** The observer script saw a script write a cookie or a storage key. */
    void written(String kind, String name, String source) {
        String address = WebAddresses.withoutQuery(source);
        String words = address.equals(page) ? "a script in the page " + address : "the script " + address;
        setters.putIfAbsent(kind + ":" + name, words);
    }

    void request(Request request) {
        URI url = WebAddresses.web(request.url());
        if (url == null) {
            return;
        }
        if (url.getRawPath().endsWith(consentScriptPath)) {
            stewardOrigins.add(WebAddresses.origin(url));
            if (consentScript == null) {
                consentScript = WebAddresses.withoutQuery(url.toString());
            }
        }
        if (!parties.otherParty(url)) {
            return;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        HostSighting sighting = hosts.computeIfAbsent(
                host + ":" + Parties.port(url),
                key -> new HostSighting(host, url.getPort(), WebAddresses.withoutQuery(url.toString()), page));
        sighting.moments.add(moment);
        sighting.types.add(request.resourceType());
        sighting.origins.add(WebAddresses.origin(url));
    }

    /** Notes which response set which cookies, from its {@code Set-Cookie} headers. */
    void response(Response response) {
        List<String> headers = response.headerValues("set-cookie");
        if (headers == null) {
            return;
        }
        for (String header : headers) {
            int equals = header.indexOf('=');
            if (equals > 0) {
                setters.putIfAbsent(
                        "cookie:" + header.substring(0, equals).trim(),
                        "the response of " + WebAddresses.withoutQuery(response.url()));
            }
        }
    }

    /** The browser's cookies now, with the browser's own time to tell how long each is set to last. */
    void cookies(List<Cookie> jar, double nowSeconds) {
        for (Cookie cookie : jar) {
            CookieSighting sighting = cookies.computeIfAbsent(
                    cookie.name + "|" + cookie.domain + "|" + cookie.path,
                    key -> new CookieSighting(cookie.name, cookie.domain, cookie.path, page));
            sighting.moments.add(moment);
            if (cookie.expires != null && cookie.expires > 0) {
                long lifetime = Math.round(cookie.expires - nowSeconds);
                sighting.lifetime = sighting.lifetime == null ? lifetime : Math.max(sighting.lifetime, lifetime);
            }
        }
    }

    void storage(Area area, List<String> keys) {
        for (String key : keys) {
            StorageSighting sighting =
                    storage.computeIfAbsent(area + "|" + key, k -> new StorageSighting(area, key, page));
            sighting.moments.add(moment);
        }
    }

    Crawl crawl(List<VisitedPage> pages, Set<String> refused) {
        List<SeenCookie> seenCookies = new ArrayList<>();
        cookies.values()
                .forEach(s -> seenCookies.add(new SeenCookie(
                        s.name,
                        s.domain,
                        s.path,
                        s.lifetime,
                        parties.thirdPartyCookie(s.domain),
                        setters.get("cookie:" + s.name),
                        s.firstPage,
                        Set.copyOf(s.moments))));
        List<SeenStorage> seenStorage = new ArrayList<>();
        storage.values()
                .forEach(s -> seenStorage.add(new SeenStorage(
                        s.area,
                        s.key,
                        setters.get(s.area.name().toLowerCase(Locale.ROOT) + ":" + s.key),
                        s.firstPage,
                        Set.copyOf(s.moments))));
        List<SeenHost> seenHosts = new ArrayList<>();
        hosts.forEach((key, s) -> {
            if (s.origins.stream().noneMatch(stewardOrigins::contains)) {
                seenHosts.add(new SeenHost(
                        s.host,
                        s.port,
                        Set.copyOf(s.types),
                        s.example,
                        s.firstPage,
                        Set.copyOf(s.moments),
                        refused.contains(key)));
            }
        });
        return new Crawl(
                List.copyOf(pages), seenCookies, seenStorage, seenHosts, consentScript, List.copyOf(problems.values()));
    }

    private static final class CookieSighting {
        final String name;
        final String domain;
        final String path;
        final String firstPage;
        final Set<Moment> moments = EnumSet.noneOf(Moment.class);

        @Nullable
        Long lifetime;

        CookieSighting(String name, String domain, String path, String firstPage) {
            this.name = name;
            this.domain = domain;
            this.path = path;
            this.firstPage = firstPage;
        }
    }

    private static final class StorageSighting {
        final Area area;
        final String key;
        final String firstPage;
        final Set<Moment> moments = EnumSet.noneOf(Moment.class);

        StorageSighting(Area area, String key, String firstPage) {
            this.area = area;
            this.key = key;
            this.firstPage = firstPage;
        }
    }

    private static final class HostSighting {
        final String host;
        final int port;
        final String example;
        final String firstPage;
        final Set<Moment> moments = EnumSet.noneOf(Moment.class);
        final Set<String> types = new TreeSet<>();
        final Set<String> origins = new LinkedHashSet<>();

        HostSighting(String host, int port, String example, String firstPage) {
            this.host = host;
            this.port = port;
            this.example = example;
            this.firstPage = firstPage;
        }
    }
}
