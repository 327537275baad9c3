package dev.steward.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real loopback server that stops reading: the write blocks once the socket buffers are full. */
class WriteWatchdogTest {

    private static final byte[] MEGABYTE = new byte[1 << 20];

    @Test
    @Timeout(30)
    void aWriteBlockedLongerThanTheTimeoutFailsAndClosesTheSocket() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SmtpSockets sockets = new SmtpSockets(Duration.ofMillis(300))) {
            Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket accepted = server.accept()) {
                OutputStream out = socket.getOutputStream();
                long started = System.nanoTime();
                assertThatThrownBy(() -> {
                            for (int i = 0; i < 1024; i++) {
                                out.write(MEGABYTE);
                            }
                        })
                        .isInstanceOf(IOException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
                assertThat(socket.isClosed()).isTrue();
            }
        }
    }

    @Test
    void aConnectionIdleBetweenWritesLongerThanTheTimeoutStaysOpen() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SmtpSockets sockets = new SmtpSockets(Duration.ofMillis(100))) {
            Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket accepted = server.accept();
                    InputStream in = accepted.getInputStream()) {
                OutputStream out = socket.getOutputStream();
                out.write("HELO a\r\n".getBytes());
                Thread.sleep(600);
                out.write("QUIT\r\n".getBytes());
                out.flush();
                assertThat(socket.isClosed()).isFalse();
                assertThat(new String(in.readNBytes(14))).isEqualTo("HELO a\r\nQUIT\r\n");
            }
            socket.close();
        }
    }
}
