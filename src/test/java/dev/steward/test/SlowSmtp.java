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
import java.util.function.Predicate;

/**
 * A real SMTP server on this machine that takes its time: after each message's data it waits, then records the
 * message's Message-ID as accepted and answers 250. A client that dies during the wait has still delivered the
 * message, as with any server that commits before it answers, so a sender that retries it shows as a repeat. It may
 * refuse some recipients as a server refuses a mailbox that does not exist ({@code 550 5.1.1}), and it keeps each
 * accepted message as it arrived, for tests that read the raw MIME.
 */
public final class SlowSmtp implements AutoCloseable {

    private final ServerSocket server;
    private final Duration delay;
    private final Predicate<String> refused;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ExecutorService sessions = Executors.newCachedThreadPool();

    private SlowSmtp(ServerSocket server, Duration delay, Predicate<String> refused) {
        this.server = server;
        this.delay = delay;
        this.refused = refused;
    }

    public static SlowSmtp start(Duration delay) {
        return start(delay, recipient -> false);
    }

    /** A server that refuses the recipients the predicate names (given the address as in RCPT TO). */
    public static SlowSmtp start(Duration delay, Predicate<String> refused) {
        try {
            SlowSmtp smtp = new SlowSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), delay, refused);
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

    /** The accepted messages as they arrived (headers and body, CRLF line ends), in order. */
    public List<String> messages() {
        return List.copyOf(messages);
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
                    case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "RCPT" ->
                        reply(
                                out,
                                refused.test(recipient(line))
                                        ? "550 5.1.1 Recipient address rejected: mailbox unavailable"
                                        : "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String message = data(in);
                        if (message == null) {
                            return;
                        }
                        Thread.sleep(delay.toMillis());
                        accepted.add(messageId(message));
                        messages.add(message);
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

    /** The message's data, or null when the client went away before its end. */
    private static String data(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals(".")) {
                return message.toString();
            }
            message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
        }
        return null;
    }

    private static String messageId(String message) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                return line.substring("message-id:".length()).strip();
            }
        }
        return "";
    }

    private static String recipient(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open < 0 || close < 0 ? line : line.substring(open + 1, close);
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
