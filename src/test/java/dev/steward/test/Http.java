package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A small real-HTTP client for tests, with a cookie jar of its own (one per simulated browser or caller). */
public final class Http {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public Http(int port) {
        this("localhost", port);
    }

    /** A client reaching Steward at another of this machine's addresses (an IPv6 one in brackets). */
    public Http(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The value of a cookie the jar would send to the path, if it holds one. */
    public java.util.Optional<String> cookie(String name, String path) {
        return cookies.getCookieStore().get(URI.create(base + path)).stream()
                .filter(cookie -> cookie.getName().equals(name)
                        && (cookie.getPath() == null || path.startsWith(cookie.getPath())))
                .map(java.net.HttpCookie::getValue)
                .findFirst();
    }

    /** Puts a cookie into the jar for the path, as someone who copied its value would. */
    public void plant(String name, String value, String path) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + path), cookie);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(request(path, headers)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    /** A download, as the bytes served. */
    public HttpResponse<byte[]> download(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code multipart/form-data} post of text fields and one file, as a browser's file upload sends it: the file's
     * part with its name and the type the client claims, which need not be what the bytes are.
     */
    public HttpResponse<String> postMultipart(
            String path,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String fileType,
            byte[] file,
            String... headers) {
        String boundary = "----steward-test-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, headers)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    public HttpResponse<String> patchJson(String path, String json, String... headers) {
        return sendJson("PATCH", path, json, headers);
    }

    public HttpResponse<String> sendJson(String method, String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Posts a body of any type, such as a raw mail ({@code message/rfc822}). */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        return postForm(path, List.copyOf(fields.entrySet()), headers);
    }

    /** Posts a form whose fields may repeat, as a group of checkboxes does. */
    public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields, String... headers) {
        return send(formRequest(path, fields, headers));
    }

    /** Posts a form whose button downloads a file, answering the bytes served. */
    public HttpResponse<byte[]> postFormForDownload(String path, Map<String, String> fields, String... headers) {
        try {
            return client.send(
                    formRequest(path, List.copyOf(fields.entrySet()), headers),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest formRequest(String path, List<Map.Entry<String, String>> fields, String... headers) {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    public static String[] basic(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + token};
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** The first group of the pattern in an answer's body, which must hold it. */
    public static String group(String body, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(body);
        assertThat(matcher.find()).as("%s in %s", pattern, body).isTrue();
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
