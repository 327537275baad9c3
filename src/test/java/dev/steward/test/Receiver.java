package dev.steward.test;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A real HTTP endpoint on this machine that records what it receives and answers with a status the test sets. */
public final class Receiver implements AutoCloseable {

    /** One request as received: its headers (lower-case names, first values) and body. */
    public record Received(Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);
    private final AtomicLong delayMillis = new AtomicLong();
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    public static Receiver start(int port, String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            Receiver receiver = new Receiver(server);
            server.createContext(path, exchange -> {
                Map<String, String> headers = new java.util.TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                receiver.received.add(new Received(
                        headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                receiver.pause();
                exchange.sendResponseHeaders(receiver.status.get(), -1);
                exchange.close();
            });
            server.setExecutor(receiver.handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on port " + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void answer(int status) {
        this.status.set(status);
    }

    /** Waits this long after reading a request before answering it. */
    public void delay(Duration delay) {
        delayMillis.set(delay.toMillis());
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        handlers.shutdownNow();
        server.stop(0);
    }
}
