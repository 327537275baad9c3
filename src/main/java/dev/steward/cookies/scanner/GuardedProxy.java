package dev.steward.cookies.scanner;

import dev.steward.platform.NonPublicAddressException;
import dev.steward.platform.OutboundAddresses;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The scanning browser's only way out: a forward proxy on this machine that connects only where the outbound address
 * rules allow ({@link OutboundAddresses}), and to the very addresses the check resolved. Chromium sends every
 * connection through it, loopback included, so neither a redirect, a page's script nor a name that resolves elsewhere
 * the second time (DNS rebinding) reaches an address inside the network. Playwright's request routing cannot do this:
 * it never sees the hops of a redirect. HTTPS and WebSockets arrive as CONNECT tunnels, plain HTTP as one request per
 * connection. No maintained Java library offers a small forward proxy with such a hook; this one is a socket pump.
 */
final class GuardedProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "proxy-connection", "keep-alive", "proxy-authorization", "te", "upgrade");

    private final ServerSocket server;
    private final OutboundAddresses addresses;
    private final int timeoutMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cookie-scan-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    private GuardedProxy(ServerSocket server, OutboundAddresses addresses, Duration timeout) {
        this.server = server;
        this.addresses = addresses;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    static GuardedProxy start(OutboundAddresses addresses, Duration timeout) throws IOException {
        GuardedProxy proxy =
                new GuardedProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), addresses, timeout);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    /** The address to give Chromium as its proxy server. */
    String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The hosts ({@code host:port}) a connection was refused to because they are not on the public internet. */
    Set<String> refused() {
        return Set.copyOf(refused);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                // closed: the scan is over
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try (client) {
            client.setSoTimeout(timeoutMillis);
            InputStream in = new BufferedInputStream(client.getInputStream());
            List<String> head = readHead(in);
            String[] request = head.isEmpty() ? new String[0] : head.get(0).split(" ");
            if (request.length != 3) {
                answer(client, "400 Bad Request");
            } else if (request[0].equals("CONNECT")) {
                tunnel(client, in, request[1]);
            } else {
                forward(client, in, request, head.subList(1, head.size()));
            }
        } catch (IOException e) {
            // the browser sees the connection end, as it would with the server
        } finally {
            open.remove(client);
        }
    }

    private void tunnel(Socket client, InputStream in, String authority) throws IOException {
        URI target = URI.create("//" + authority);
        try (Socket upstream = connect(target.getHost(), target.getPort() < 0 ? 443 : target.getPort(), client)) {
            if (upstream != null) {
                write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
                pump(in, upstream, client, upstream.getInputStream());
            }
        }
    }

    /** Plain HTTP: the request goes on in origin form and the connection closes after its answer. */
    private void forward(Socket client, InputStream in, String[] request, List<String> headers) throws IOException {
        URI target = URI.create(request[1]);
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            answer(client, "400 Bad Request");
            return;
        }
        try (Socket upstream = connect(target.getHost(), target.getPort() < 0 ? 80 : target.getPort(), client)) {
            if (upstream == null) {
                return;
            }
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
            StringBuilder head = new StringBuilder(request[0] + " " + path + query + " " + request[2] + "\r\n");
            endToEnd(headers).forEach(header -> head.append(header).append("\r\n"));
            write(
                    upstream.getOutputStream(),
                    head.append("Connection: close\r\n\r\n").toString());
            InputStream answer = new BufferedInputStream(upstream.getInputStream());
            List<String> response = readHead(answer);
            if (response.isEmpty()) {
                return;
            }
            StringBuilder back = new StringBuilder(response.get(0) + "\r\n");
            endToEnd(response.subList(1, response.size()))
                    .forEach(header -> back.append(header).append("\r\n"));
            write(
                    client.getOutputStream(),
                    back.append("Connection: close\r\n\r\n").toString());
            pump(in, upstream, client, answer);
        }
    }

    /**
     * A connection to the host at an address the outbound rules resolved and allowed; null after answering the
     * browser when there is none.
     */
    private @Nullable Socket connect(String host, int port, Socket client) throws IOException {
        InetAddress[] resolved;
        try {
            resolved = addresses.resolve(host);
        } catch (NonPublicAddressException e) {
            refused.add(host.toLowerCase(Locale.ROOT) + ":" + port);
            answer(client, "403 Forbidden");
            return null;
        } catch (UnknownHostException e) {
            answer(client, "502 Bad Gateway");
            return null;
        }
        for (InetAddress address : resolved) {
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(address, port), timeoutMillis);
                upstream.setSoTimeout(timeoutMillis);
                open.add(upstream);
                return upstream;
            } catch (IOException e) {
                upstream.close();
            }
        }
        answer(client, "502 Bad Gateway");
        return null;
    }

    /** Copies the browser's bytes upstream on another thread and the server's back on this one, until either ends. */
    private void pump(InputStream in, Socket upstream, Socket client, InputStream answer) throws IOException {
        threads.execute(() -> {
            try {
                in.transferTo(upstream.getOutputStream());
            } catch (IOException e) {
                // either side closed
            } finally {
                close(upstream);
            }
        });
        try {
            answer.transferTo(client.getOutputStream());
        } finally {
            open.remove(upstream);
            close(upstream);
        }
    }

    private static List<String> endToEnd(List<String> headers) {
        List<String> kept = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon > 0
                    && !HOP_BY_HOP.contains(header.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                kept.add(header);
            }
        }
        return kept;
    }

    /** The request or status line and the header lines, up to the empty line; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        int b;
        while ((b = in.read()) != -1) {
            if (++total > MAX_HEAD) {
                throw new IOException("header too large");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static void answer(Socket client, String status) throws IOException {
        write(client.getOutputStream(), "HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        open.forEach(GuardedProxy::close);
        threads.shutdownNow();
    }
}
