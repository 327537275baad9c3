package dev.steward.catalog.internal;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.CatalogProblem;
import dev.steward.catalog.Countries;
import dev.steward.catalog.Site;
import dev.steward.platform.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the catalog's validators share: a problem reported at the line and column its element came from, and the
 * checks of references, countries and addresses that every kind of element needs.
 */
final class CatalogChecks {

    private final Catalog catalog;
    private final SourceMap sources;
    private final List<CatalogProblem> problems;

    CatalogChecks(Catalog catalog, SourceMap sources, List<CatalogProblem> problems) {
        this.catalog = catalog;
        this.sources = sources;
        this.problems = problems;
    }

    /** The elements that have a key: binding reported those without one already. */
    static <T> List<T> keyed(List<T> elements, Function<T, String> key) {
        return elements.stream().filter(element -> key.apply(element) != null).toList();
    }

    @Nullable
    Site checkSiteReference(Object element, @Nullable String site, String kind) {
        if (site == null) {
            return null;
        }
        Optional<Site> found = catalog.site(site);
        if (found.isEmpty()) {
            report(element, "site", kind + " names unknown site '" + site + "'");
        }
        return found.orElse(null);
    }

    void checkCountry(Object element, String path, String country) {
        if (!Countries.isKnown(country)) {
            report(element, path, "'" + country + "' is not an ISO 3166 country code such as US, CZ or JP");
        }
    }

    /** A {@code timeZone} the catalog names, for the dates its visitors read; {@code owner} says whose, in words. */
    void checkTimeZone(Object element, @Nullable String zone, String owner) {
        if (zone == null) {
            return;
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            report(
                    element,
                    "timeZone",
                    owner + ": time zone '" + zone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    void checkUrl(Object element, String path, String url, boolean httpsOnly) {
        try {
            URI uri = new URI(url);
            // plain http to this machine is allowed for development and tests: nothing crosses a network
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
            boolean secure = "https".equals(uri.getScheme());
            boolean web = secure || "http".equals(uri.getScheme());
            if (uri.getHost() == null || !web || (httpsOnly && !secure && !loopback)) {
                report(element, path, "'" + url + "' is not an " + (httpsOnly ? "https" : "http(s)") + " address");
            } else if (PublicAddresses.leadingZero(uri.getHost())) {
                report(
                        element,
                        path,
                        "'" + url + "' has a leading zero in its address, which some programs read as"
                                + " octal (0177 as 127) and Java as decimal: write the address without it");
            } else if (httpsOnly && !"localhost".equals(uri.getHost()) && insideLiteral(uri.getHost())) {
                // Steward sends personal data there: an address inside a private network is refused when sending
                report(element, path, "'" + url + "' names an address that is not on the public internet");
            }
        } catch (URISyntaxException e) {
            report(element, path, "'" + url + "' is not an " + (httpsOnly ? "https" : "http(s)") + " address");
        }
    }

    /** An IP address literal (never a name: validation resolves nothing) that is not globally routable. */
    private static boolean insideLiteral(String host) {
        if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
            return false;
        }
        try {
            return !PublicAddresses.isPublic(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    void report(Object element, String path, String message) {
        Location at = sources.at(element, path);
        problems.add(new CatalogProblem(at.file(), at.line(), at.column(), message));
    }

    /** A problem of the catalog as a whole, at the start of where it was read from. */
    void reportWhole(String message) {
        problems.add(new CatalogProblem(catalog.source(), 1, 1, message));
    }
}
