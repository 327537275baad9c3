package dev.steward.weblog;

import dev.steward.test.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A visitor as the request log sees one: an address (given to Steward as a trusted proxy would, in
 * {@code X-Forwarded-For}), a browser, and the headers a CDN adds. Addresses are from the ranges reserved for
 * documentation, so they can be searched for in dumps.
 */
record Visitor(Http http, String ip, String userAgent, List<String> headers) {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0";
    static final String SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) Version/17.5 Safari/605.1.15";
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/126.0.0.0 Safari/537.36";

    static Visitor of(int port, String ip, String userAgent, String... headers) {
        return new Visitor(new Http(port), ip, userAgent, List.of(headers));
    }

    HttpResponse<String> get(String path) {
        List<String> all = new ArrayList<>(List.of("X-Forwarded-For", ip, "User-Agent", userAgent));
        all.addAll(headers);
        return http.get(path, all.toArray(String[]::new));
    }
}
