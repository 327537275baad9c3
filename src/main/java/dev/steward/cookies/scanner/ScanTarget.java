package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Site;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A scan's checked request: the site with its catalog, the jurisdiction whose visitor it plays, where the pages are and
 * how many to visit.
 *
 * @param banner the site's cookie banner in the catalog; null when it declares none
 * @param base the address of the site's home page: the catalog's, or the copy the scan was pointed at
 * @param urls further pages to visit first, all on the site's own origin
 */
public record ScanTarget(
        Site site,
        Catalog catalog,
        Jurisdiction jurisdiction,
        @Nullable CookieBanner banner,
        URI base,
        List<URI> urls,
        int pages) {

    public String siteKey() {
        return site.key();
    }

    public String siteName() {
        return site.name().in(site.language());
    }

    public String jurisdictionName() {
        return jurisdiction.name().in(site.language());
    }

    List<Cookie> declared() {
        return catalog.cookiesOf(site.key());
    }

    Parties parties() {
        return new Parties(base);
    }

    /**
     * Whether a page at this address is the site's own and may be visited: the base address's origin, or the same
     * host over HTTPS when the base is plain HTTP (a site that upgrades its visitors).
     */
    boolean crawls(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            return false;
        }
        boolean sameHost = url.getHost().equalsIgnoreCase(base.getHost());
        boolean sameOrigin = scheme.equals(base.getScheme()) && Parties.port(url) == Parties.port(base);
        boolean upgraded = scheme.equals("https") && base.getScheme().equals("http") && url.getPort() < 0;
        return sameHost && (sameOrigin || upgraded && base.getPort() < 0);
    }
}
