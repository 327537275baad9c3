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
 * the figures the workloads measured into the table and the results JSON.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "server" -> server(Integer.parseInt(args[1]));
            case "wrk" -> wrk(Path.of(args[1]));
            case "report" -> report(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("server PORT | wrk FILE | report MACHINE FIGURES JSON");
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

    /** Prints "requests/s p50-ms p99-ms errors" from wrk --latency's report. */
    static void wrk(Path report) throws IOException {
        String text = Files.readString(report);
        double rps = number(text, "Requests/sec:\\s+([0-9.]+)");
        double p50 = millis(text, "50%");
        double p99 = millis(text, "99%");
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(text);
        System.out.printf(Locale.ROOT, "%.1f %.3f %.3f %s%n", rps, p50, p99, errors.find() ? errors.group(1) : "0");
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
