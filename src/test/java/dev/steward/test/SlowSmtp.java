package dev.steward.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real SMTP server on this machine that takes its time: after each message's data it waits, then records the
 * message's Message-ID as accepted and answers 250. A client that dies during the wait has still delivered the
 * message, as with any server that commits before it answers, so a sender that retries it shows as a repeat.
 */
public final class SlowSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Duration delay;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final ExecutorService sessions = Executors.newCachedThreadPool();

    private SlowSmtp(ServerSocket server, Duration delay) {
        this.server = server;
        this.delay = delay;
    }

    public static SlowSmtp start(Duration delay) {
        try {
            SlowSmtp smtp = new SlowSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), delay);
            smtp.sessions.submit(smtp::accept);
            return smtp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The Message-IDs of the messages accepted, in order, repeats included. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sessions.submit(() -> session(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.ISO_8859_1)) {
            reply(out, "220 slow-smtp ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 slow-smtp");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String messageId = data(in);
                        if (messageId == null) {
                            return;
                        }
                        Thread.sleep(delay.toMillis());
                        accepted.add(messageId);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The message's Message-ID, or null when the client went away before the end of its data. */
    private static String data(BufferedReader in) throws IOException {
        String messageId = "";
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return messageId;
            }
            if (messageId.isEmpty() && line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                messageId = line.substring("message-id:".length()).strip();
            }
        }
        return null;
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}
