package dev.steward.cookies.scanner;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Web page addresses as the scanner keeps them: absolute http(s), fragment dropped, query kept only for crawling. */
final class WebAddresses {

    private WebAddresses() {}

    /** An absolute http(s) address with a host and no user name, without its fragment; null for anything else. */
    static @Nullable URI web(@Nullable String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new URI(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + query);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /** The address without its query and fragment, which may carry identifiers; the text as given if unreadable. */
    static String withoutQuery(String url) {
        int end = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(0, end);
    }
}
