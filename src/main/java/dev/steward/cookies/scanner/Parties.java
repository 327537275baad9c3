package dev.steward.cookies.scanner;

import java.net.URI;
import java.util.Locale;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.jspecify.annotations.Nullable;

/**
 * Who is the site and who is another party. A party is a registrable domain, after the Public Suffix List that Apache
 * HttpClient carries ({@code www.example.co.uk} and {@code static.example.co.uk} are one party, {@code a.github.io}
 * and {@code b.github.io} two). A host without one ({@code localhost}, an IP address) is a party per port, so that a
 * copy of a site and its third parties can be tried out on one machine.
 */
final class Parties {

    private static final PublicSuffixMatcher SUFFIXES = PublicSuffixMatcherLoader.getDefault();

    private final String host;
    private final int port;
    private final @Nullable String root;

    Parties(URI site) {
        this.host = site.getHost().toLowerCase(Locale.ROOT);
        this.port = port(site);
        this.root = root(host);
    }

    /** Whether a request to this address goes to another party than the site. */
    boolean otherParty(URI url) {
        String other = url.getHost().toLowerCase(Locale.ROOT);
        String otherRoot = root(other);
        if (root != null && otherRoot != null) {
            return !root.equals(otherRoot);
        }
        return !(other.equals(host) && port(url) == port);
    }

    /** Whether a cookie of this domain belongs to another party than the site: a third-party cookie. */
    boolean thirdPartyCookie(String domain) {
        String bare = domain.startsWith(".") ? domain.substring(1) : domain;
        String cookieRoot = root(bare.toLowerCase(Locale.ROOT));
        if (root != null && cookieRoot != null) {
            return !root.equals(cookieRoot);
        }
        return !bare.equalsIgnoreCase(host);
    }

    /** The port a URL connects to, its scheme's when it names none. */
    static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The registrable domain of a host name; null for an IP address and for names without one. */
    static @Nullable String root(String host) {
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            return null;
        }
        return SUFFIXES.getDomainRoot(host);
    }
}
