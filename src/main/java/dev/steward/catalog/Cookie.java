package dev.steward.catalog;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A cookie, web beacon or similar device a site uses, as the cookie policy lists it. A {@code name} ending in
 * {@code *} stands for every name starting so. {@code hosts} are where it comes from: the domains a third party
 * serves a beacon from or sets its cookies on (a domain covers its subdomains; {@code host:port} one port only); the
 * cookie scanner holds the requests and cookies it sees against them.
 */
public record Cookie(
        String key,
        @Nullable String site,
        @Nullable String name,
        Kind kind,
        String provider,
        Party party,
        Category category,
        @Nullable String duration,
        LocalizedText purpose,
        @Nullable LocalizedText collects,
        @Nullable String optOutUrl,
        @Nullable LocalizedText optOutLabel,
        List<String> hosts) {

    /** Whether a cookie or storage key of this name is this one. */
    public boolean namedAs(String seen) {
        if (name == null) {
            return false;
        }
        return name.endsWith("*") ? seen.startsWith(name.substring(0, name.length() - 1)) : name.equals(seen);
    }

    /**
     * Whether {@code host} is, or lies under, one of the hosts declared here; a declared port must be {@code port},
     * unless that is null (a cookie's domain has no port).
     */
    public boolean servedFrom(String host, @Nullable Integer port) {
        String seen = host.toLowerCase(Locale.ROOT);
        for (String declared : hosts) {
            int colon = declared.lastIndexOf(':');
            String domain = colon < 0 ? declared : declared.substring(0, colon);
            boolean portMatches =
                    colon < 0 || port == null || declared.substring(colon + 1).equals(String.valueOf(port));
            if (portMatches && (seen.equals(domain) || seen.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    public enum Kind {
        COOKIE,
        WEB_BEACON,
        LOCAL_STORAGE
    }

    public enum Party {
        FIRST,
        THIRD
    }

    public enum Category {
        STRICTLY_NECESSARY,
        PREFERENCES,
        ANALYTICS,
        ADVERTISING;

        /** As the catalog writes it: {@code strictly-necessary}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** As a person reads it: {@code strictly necessary}. */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
