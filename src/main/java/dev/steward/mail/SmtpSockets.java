package dev.steward.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Opens the connections to the SMTP server and remembers, per sending thread, which are open, so that an attempt
 * still running when its lease ends can be cut off from another thread: timeouts bound each read and write, but a
 * server that trickles its answers could otherwise keep one attempt going past the lease, when another node may
 * claim the same message. Writes are bounded by a {@link WriteWatchdog}.
 */
final class SmtpSockets extends SocketFactory implements AutoCloseable {

    private final WriteWatchdog watchdog;

    private final ThreadLocal<List<Socket>> opened = new ThreadLocal<>();

    /** Sockets whose every write is bounded by the timeout. */
    SmtpSockets(Duration writeTimeout) {
        this.watchdog = new WriteWatchdog(writeTimeout);
    }

    /** Starts tracking the sockets this thread opens; the answer is what {@link #closeAll} closes. */
    List<Socket> track() {
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        opened.set(sockets);
        return sockets;
    }

    /** Goes on tracking a kept session's sockets on this thread, for the batch that took it. */
    List<Socket> adopt(List<Socket> sockets) {
        List<Socket> tracked = new CopyOnWriteArrayList<>(
                sockets.stream().filter(socket -> !socket.isClosed()).toList());
        opened.set(tracked);
        return tracked;
    }

    void untrack() {
        opened.remove();
    }

    static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is wanted; the attempt fails with its own error
            }
        }
    }

    private Socket tracked(Socket socket) {
        List<Socket> sockets = opened.get();
        if (sockets != null) {
            sockets.add(socket);
        }
        return socket;
    }

    @Override
    public Socket createSocket() {
        return tracked(watchdog.socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress to, @Nullable InetSocketAddress from) throws IOException {
        Socket socket = createSocket();
        if (from != null) {
            socket.bind(from);
        }
        socket.connect(to);
        return socket;
    }

    /** Stops watching writes, when the transport is no longer used. */
    @Override
    public void close() {
        watchdog.close();
    }
}
