import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harness's helpers, run as a single source file ({@code java bench/Bench.java ...}) so they need no build:
 * {@code server PORT} is the decision benchmark's baseline, {@code wrk FILE} reads wrk's report, {@code report} turns
 * the figures the workloads measured into the table and the results JSON, {@code sink PORT N} is the campaign
 * benchmark's SMTP server.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "server" -> server(Integer.parseInt(args[1]));
            case "wrk" -> wrk(Path.of(args[1]));
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "sink" -> sink(Integer.parseInt(args[1]), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException(
                    "server PORT | wrk FILE | report MACHINE FIGURES JSON | sink PORT MESSAGES");
        }
    }

    /** A bare JDK HttpServer answering a constant decision, its handlers on a thread pool like a servlet container's. */
    static void server(int port) throws IOException {
        byte[] answer = "{\"decision\":\"allowed\",\"allowed\":true,\"reason\":\"consent-confirmed\"}"
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
        System.out.println("baseline listening on " + port);
    }

    /**
     * An SMTP server that accepts every message and keeps nothing, a thread per connection. Every N messages it prints
     * one line, "round messages seconds messages/s", timed from the first MAIL FROM of the round to the end of the Nth
     * message's data, and the bytes of data a message had on average: the campaign workload sends one round by a raw
     * JavaMail blast and one by Steward, which must be the same messages.
     */
    static void sink(int port, long perRound) throws IOException {
        java.net.ServerSocket server = new java.net.ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", port), 256);
        System.out.println("sink listening on " + port);
        SinkRounds rounds = new SinkRounds(perRound);
        while (true) {
            java.net.Socket socket = server.accept();
            socket.setTcpNoDelay(true);
            new Thread(() -> smtp(socket, rounds)).start();
        }
    }

    /** The sink's count of delivered messages, the current round's start, and the rounds printed so far. */
    static final class SinkRounds {
        private final long perRound;
        private long delivered;
        private long bytes;
        private long started = -1;
        private int round;

        SinkRounds(long perRound) {
            this.perRound = perRound;
        }

        synchronized void mailFrom() {
            if (started < 0) {
                started = System.nanoTime();
            }
        }

        synchronized void delivered(long size) {
            bytes += size;
            if (++delivered == perRound) {
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "%d %d %.3f %.1f %d%n",
                        ++round,
                        delivered,
                        seconds,
                        delivered / seconds,
                        bytes / delivered);
                System.out.flush();
                delivered = 0;
                bytes = 0;
                started = -1;
            }
        }
    }

    private static void smtp(java.net.Socket socket, SinkRounds rounds) {
        try (socket;
                java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 65536);
                OutputStream out = new java.io.BufferedOutputStream(socket.getOutputStream())) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = line(in)) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "MAIL" -> {
                        rounds.mailFrom();
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        rounds.delivered(skipData(in));
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client hung up: nothing to keep
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads past a message's data, up to and including the CRLF "." CRLF that ends it; answers its bytes. */
    private static long skipData(java.io.InputStream in) throws IOException {
        byte[] end = {'\r', '\n', '.', '\r', '\n'};
        int matched = 2; // the data starts at the beginning of a line
        long size = 0;
        int b;
        while ((b = in.read()) != -1) {
            size++;
            if (b == end[matched]) {
                if (++matched == end.length) {
                    return size;
                }
            } else {
                matched = b == '\r' ? 1 : 0;
            }
        }
        return size;
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static String line(java.io.InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }

    /**
     * Prints "requests/s p50-ms p99-ms errors p99.9-ms" from wrk --latency's report; the p99.9 is the line that
     * {@code bench/latency.lua}'s {@code done} adds (wrk's own report stops at 99 %), "-" without it.
     */
    static void wrk(Path report) throws IOException {
        String text = Files.readString(report);
        double rps = number(text, "Requests/sec:\\s+([0-9.]+)");
        double p50 = millis(text, "50%");
        double p99 = millis(text, "99%");
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(text);
        Matcher p999 = Pattern.compile("(?m)^p99\\.9 ([0-9.]+)ms$").matcher(text);
        System.out.printf(
                Locale.ROOT,
                "%.1f %.3f %.3f %s %s%n",
                rps,
                p50,
                p99,
                errors.find() ? errors.group(1) : "0",
                p999.find() ? p999.group(1) : "-");
    }

    private static double millis(String text, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no " + percentile + " latency");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex);
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Figures come one a line, tab-separated: name, value, unit, baseline (or -), target. A target is a list of
     * conditions joined by commas: {@code max:5} (value at most 5), {@code min:100000}, {@code ratio_min:0.5} (value
     * at least half the baseline), {@code ratio_max:1.5}, or {@code -} for a figure reported without a target.
     */
    static void report(Path machine, Path figures, Path json) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(figures)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            double value = Double.parseDouble(f[1]);
            Double baseline = f[3].equals("-") ? null : Double.parseDouble(f[3]);
            Double ratio = baseline == null || baseline == 0 ? null : value / baseline;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", f[0]);
            row.put("value", value);
            row.put("unit", f[2]);
            row.put("baseline", baseline);
            row.put("ratio", ratio);
            row.put("target", f[4]);
            row.put("met", met(f[4], value, ratio));
            rows.add(row);
        }
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT, "%-34s %14s %-6s %14s %8s  %-22s %s%n", "figure", "value", "unit", "baseline", "ratio",
                "target", "met"));
        for (Map<String, Object> row : rows) {
            table.append(String.format(
                    Locale.ROOT,
                    "%-34s %14.2f %-6s %14s %8s  %-22s %s%n",
                    row.get("name"),
                    (Double) row.get("value"),
                    row.get("unit"),
                    row.get("baseline") == null ? "-" : String.format(Locale.ROOT, "%.2f", row.get("baseline")),
                    row.get("ratio") == null ? "-" : String.format(Locale.ROOT, "%.3f", row.get("ratio")),
                    row.get("target"),
                    row.get("met")));
        }
        System.out.print(table);
        String out = "{\"machine\":" + Files.readString(machine).strip() + ",\"figures\":["
                + String.join(",", rows.stream().map(Bench::toJson).toList()) + "]}\n";
        Files.writeString(json, out);
    }

    private static boolean met(String target, double value, Double ratio) {
        if (target.equals("-")) {
            return true;
        }
        boolean met = true;
        for (String condition : target.split(",")) {
            String[] kv = condition.split(":");
            double limit = Double.parseDouble(kv[1]);
            met &= switch (kv[0]) {
                case "max" -> value <= limit;
                case "min" -> value >= limit;
                case "ratio_min" -> ratio != null && ratio >= limit;
                case "ratio_max" -> ratio != null && ratio <= limit;
                default -> throw new IllegalArgumentException("unknown target " + condition);
            };
        }
        return met;
    }

    private static String toJson(Map<String, Object> row) {
        List<String> fields = new ArrayList<>();
        row.forEach((key, value) -> fields.add("\"" + key + "\":" + (value instanceof String text
                ? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : value instanceof Double number && (number.isNaN() || number.isInfinite())
                        ? "null"
                        : String.valueOf(value))));
        return "{" + String.join(",", fields) + "}";
    }
}
