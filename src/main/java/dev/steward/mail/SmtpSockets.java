package dev.steward.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Opens the connections to the SMTP server and remembers, per sending thread, which are open, so that an attempt
 * still running when its lease ends can be cut off from another thread: timeouts bound each read and write, but a
 * server that trickles its answers could otherwise keep one attempt going past the lease, when another node may
 * claim the same message.
 */
final class SmtpSockets extends SocketFactory {

    private final ThreadLocal<List<Socket>> opened = new ThreadLocal<>();

    /** Starts tracking the sockets this thread opens; the answer is what {@link #closeAll} closes. */
    List<Socket> track() {
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        opened.set(sockets);
        return sockets;
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
        return tracked(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tracked(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tracked(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tracked(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tracked(new Socket(address, port, localAddress, localPort));
    }
}
