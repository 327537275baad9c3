package dev.steward.test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A website visitor's browser: a cookie jar of its own and an IP address of its own (sent as X-Forwarded-For, which
 * Steward trusts from a local proxy), so that each visitor meets the rate limits alone.
 */
public final class Visitor {

    private final Http http;
    private final String ip;

    public Visitor(int port) {
        this(port, randomIp());
    }

    public Visitor(int port, String ip) {
        this.http = new Http(port);
        this.ip = ip;
    }

    /** A documentation address (2001:db8::/32) no other visitor of the run has. */
    public static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(
                "2001:db8:%x:%x::%x", random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(1, 0x10000));
    }

    public String ip() {
        return ip;
    }

    /** The value of a cookie this browser would send to the path, if it holds one. */
    public java.util.Optional<String> cookie(String name, String path) {
        return http.cookie(name, path);
    }

    /** Puts a cookie into this browser for the path, as someone who copied its value would. */
    public void plant(String name, String value, String path) {
        http.plant(name, value, path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return http.get(path, with(headers));
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return http.postJson(path, json, with(headers));
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        return http.postForm(path, fields, with(headers));
    }

    public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields, String... headers) {
        return http.postForm(path, fields, with(headers));
    }

    /** Posts a form whose button downloads a file, answering the bytes served. */
    public HttpResponse<byte[]> download(String path, Map<String, String> fields) {
        return http.postFormForDownload(path, fields, with());
    }

    /** Posts a page's form with the CSRF token of the page, as a browser would after loading it. */
    public HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", Console.csrf(get(pagePath).body()));
        return postForm(action, withToken);
    }

    private String[] with(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = ip;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
