package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} as Prometheus makes it, with a metrics key, read series by series. */
public final class Scrape {

    /**
     * The setting the metrics tests share, which also gives them an application context (and database) of their own:
     * no scheduled checkpoint signs the chains' heads while a test reads their age.
     */
    public static final String OWN_CONTEXT = "steward.checkpoints.poll=PT1H";

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final List<Series> series;

    private Scrape(String text, List<Series> series) {
        this.text = text;
        this.series = series;
    }

    /** Makes a metrics key as an administrator would, for the scraper. */
    public static String[] metricsKey(int port) {
        HttpResponse<String> created = new Http(port)
                .postJson(
                        "/api/v1/admin/api-keys",
                        "{\"name\":\"prometheus\",\"kind\":\"metrics\"}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new String[] {
            "Authorization", "Bearer " + Json.read(created.body()).get("token").asString()
        };
    }

    public static Scrape of(int port, String[] key) {
        HttpResponse<String> scraped = new Http(port).get("/actuator/prometheus", key);
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        List<Series> series = new ArrayList<>();
        for (String line : scraped.body().split("\n")) {
            Matcher matcher = SERIES.matcher(line);
            if (!line.startsWith("#") && matcher.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(matcher.group(2) == null ? "" : matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
            }
        }
        return new Scrape(scraped.body(), series);
    }

    /** The sum of the series of that name carrying these labels (name, value, name, value…); 0 when there is none. */
    public double value(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Series::value).sum();
    }

    /** How much the series grew since the earlier scrape. */
    public double since(Scrape earlier, String name, String... labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    /** Whether a series of that name carries these labels. */
    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }

    /** Every label value of that name's series, for checking that none is personal. */
    public List<Map<String, String>> labels(String name) {
        return series.stream()
                .filter(s -> s.name().equals(name))
                .map(Series::labels)
                .toList();
    }

    public String text() {
        return text;
    }

    private List<Series> matching(String name, String... labels) {
        return series.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> {
                    for (int i = 0; i + 1 < labels.length; i += 2) {
                        if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                            return false;
                        }
                    }
                    return true;
                })
                .toList();
    }

    private record Series(String name, Map<String, String> labels, double value) {}
}
