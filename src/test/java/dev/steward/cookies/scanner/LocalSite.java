package dev.steward.cookies.scanner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on this machine's loopback address that the test writes the pages of, and that notes every request it
 * gets ({@code GET /path}), so a test can tell what the scanner asked for and what it never did.
 */
final class LocalSite implements AutoCloseable {

    /** One answer: its status, headers and body. */
    record Answer(int status, Map<String, String> headers, String contentType, byte[] body) {

        static Answer html(String body) {
            return new Answer(200, Map.of(), "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer xml(String body) {
            return new Answer(200, Map.of(), "application/xml", body.getBytes(StandardCharsets.UTF_8));
        }

        Answer with(String header, String value) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.put(header, value);
            return new Answer(status, all, contentType, body);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> pages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    LocalSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:PORT}: the name the outbound rules let tests reach. */
    String origin() {
        return "http://localhost:" + port();
    }

    LocalSite page(String path, Answer answer) {
        pages.put(path, answer);
        return this;
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            Answer answer = "GET".equals(exchange.getRequestMethod())
                    ? pages.get(exchange.getRequestURI().getPath())
                    : null;
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
