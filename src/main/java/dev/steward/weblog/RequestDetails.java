package dev.steward.weblog;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a request tells about where the visitor is and what they read, from the headers a CDN or proxy adds
 * (Cloudflare, CloudFront, or any proxy setting {@code X-Country-Code}/{@code X-City}) and the browser's own. No
 * address is ever looked up in a geolocation service. Values that do not have the expected shape are dropped.
 */
final class RequestDetails {

    private static final List<String> COUNTRY_HEADERS =
            List.of("CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code");
    private static final List<String> CITY_HEADERS = List.of("CF-IPCity", "CloudFront-Viewer-City", "X-City");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern CITY = Pattern.compile("[\\p{L}\\p{M} .'-]{1,80}");
    private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?");

    private RequestDetails() {}

    /** ISO 3166 alpha-2, upper case; Cloudflare's {@code XX} (unknown) and {@code T1} (Tor) count as unknown. */
    static @Nullable String country(HttpServletRequest request) {
        String value = firstHeader(request, COUNTRY_HEADERS);
        if (value == null || !COUNTRY.matcher(value).matches()) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        return code.equals("XX") ? null : code;
    }

    static @Nullable String city(HttpServletRequest request) {
        String value = firstHeader(request, CITY_HEADERS);
        return value != null && CITY.matcher(value).matches() ? value : null;
    }

    /** The browser's preferred language, such as {@code de-DE}: the first of Accept-Language. */
    static @Nullable String language(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null) {
            return null;
        }
        String first = header.split(",", 2)[0].split(";", 2)[0].strip();
        var matcher = LANGUAGE.matcher(first);
        if (!matcher.matches()) {
            return null;
        }
        String language = matcher.group(1).toLowerCase(Locale.ROOT);
        String region = matcher.group(2);
        return region == null ? language : language + "-" + region.toUpperCase(Locale.ROOT);
    }

    /** The host of the referring page, never its path or query, which may carry personal data. */
    static @Nullable String referrerHost(HttpServletRequest request) {
        String referrer = request.getHeader("Referer");
        if (referrer == null) {
            return null;
        }
        try {
            URI uri = new URI(referrer.strip());
            String host = uri.getHost();
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && host != null && host.length() <= 253 ? host.toLowerCase(Locale.ROOT) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static @Nullable String firstHeader(HttpServletRequest request, List<String> names) {
        for (String name : names) {
            String value = request.getHeader(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
