package dev.steward.cookies.scanner;

import dev.steward.catalog.Cookie;
import dev.steward.platform.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Open Cookie Database (github.com/jkwakman/Open-Cookie-Database, Apache License 2.0): known cookies and storage
 * keys with their platform, category, provider and retention, from which the scanner suggests what an undeclared one
 * is. Steward carries a copy under {@code cookie-database/}; {@code STEWARD_COOKIE_DATABASE} points at a newer CSV
 * with the same columns. The file is read when the first scan needs it; a broken one is reported as file:line:column.
 */
@Component
public class CookieDatabase {

    static final String BUNDLED = "cookie-database/open-cookie-database.csv";
    private static final String NAME = "Cookie / Data Key name";
    private static final List<String> COLUMNS = List.of(
            "Platform",
            "Category",
            NAME,
            "Domain",
            "Description",
            "Retention period",
            "Data Controller",
            "User Privacy & GDPR Rights Portals",
            "Wildcard match");

    private final @Nullable Path file;
    private volatile @Nullable Index index;

    CookieDatabase(ScannerSettings settings) {
        this.file = settings.cookieDatabaseFile();
    }

    /**
     * One known cookie or storage key.
     *
     * @param suggested the catalog category it suggests: its own names differ (Functional, Marketing, ...)
     * @param wildcard whether {@code name} stands for every name starting so
     */
    public record Entry(
            String platform,
            String category,
            Cookie.@Nullable Category suggested,
            String name,
            String domain,
            String description,
            String retention,
            String controller,
            String privacyUrl,
            boolean wildcard) {}

    /** The entry for a cookie or storage key of this name: exactly, else the longest wildcard it starts with. */
    public Optional<Entry> cookie(String name) {
        Index known = index();
        Entry exact = known.byName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return known.wildcards.stream()
                .filter(entry -> !entry.name().isEmpty() && name.startsWith(entry.name()))
                .findFirst();
    }

    /** An entry of the platform serving from this host or a domain above it. */
    public Optional<Entry> host(String host) {
        Index known = index();
        String domain = host.toLowerCase(Locale.ROOT);
        while (domain.contains(".")) {
            List<Entry> entries = known.byDomain.get(domain);
            if (entries != null) {
                return Optional.of(entries.get(0));
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    /** Where the entries come from, for the report. */
    public String source() {
        return file == null ? "the Open Cookie Database bundled with Steward" : "the Open Cookie Database at " + file;
    }

    private Index index() {
        Index known = index;
        if (known == null) {
            synchronized (this) {
                if (index == null) {
                    index = load();
                }
                known = index;
            }
        }
        return known;
    }

    private Index load() {
        String source = file == null ? BUNDLED : file.toString();
        try (InputStream in =
                file == null ? new ClassPathResource(BUNDLED).getInputStream() : Files.newInputStream(file)) {
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new InvalidCookieDatabaseException(
                    source + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static Index read(BufferedReader lines, String source) throws IOException {
        String header = lines.readLine();
        if (header == null) {
            throw new InvalidCookieDatabaseException(source + ":1:1: the file is empty");
        }
        Map<String, Integer> columns = columns(values(header.replace("\uFEFF", ""), source, 1), source);
        Index index = new Index();
        String line;
        int number = 1;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<CsvReader.Value> values = values(line, source, number);
            if (values.size() < columns.size()) {
                throw new InvalidCookieDatabaseException(source + ":" + number + ":" + (line.length() + 1) + ": "
                        + columns.size() + " values expected, " + values.size() + " found");
            }
            index.add(entry(values, columns));
        }
        index.wildcards.sort(
                Comparator.comparingInt((Entry entry) -> entry.name().length()).reversed());
        return index;
    }

    private static Map<String, Integer> columns(List<CsvReader.Value> header, String source) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).text().trim(), i);
        }
        for (String column : COLUMNS) {
            if (!columns.containsKey(column)) {
                throw new InvalidCookieDatabaseException(
                        source + ":1:1: the column '" + column + "' is missing from the header");
            }
        }
        return columns;
    }

    private static List<CsvReader.Value> values(String line, String source, int number) {
        try {
            return CsvReader.values(line);
        } catch (CsvReader.MalformedLineException e) {
            throw new InvalidCookieDatabaseException(source + ":" + number + ":" + e.column() + ": " + e.getMessage());
        }
    }

    private static Entry entry(List<CsvReader.Value> values, Map<String, Integer> columns) {
        List<String> texts = new ArrayList<>();
        for (String column : COLUMNS) {
            texts.add(values.get(columns.get(column)).text().trim());
        }
        return new Entry(
                texts.get(0),
                texts.get(1),
                suggested(texts.get(1)),
                texts.get(2),
                domain(texts.get(3)),
                texts.get(4),
                texts.get(5),
                texts.get(6),
                texts.get(7),
                "1".equals(texts.get(8)));
    }

    /**
     * The database's category as the catalog's: "Functional" and "Personalization" are preferences (they need consent
     * where consent is asked; a necessary one is marked "Necessary" or "Security" there), "Marketing" is advertising.
     */
    static Cookie.@Nullable Category suggested(String category) {
        return switch (category.toLowerCase(Locale.ROOT)) {
            case "necessary", "security" -> Cookie.Category.STRICTLY_NECESSARY;
            case "functional", "personalization" -> Cookie.Category.PREFERENCES;
            case "analytics" -> Cookie.Category.ANALYTICS;
            case "marketing" -> Cookie.Category.ADVERTISING;
            default -> null;
        };
    }

    /** "doubleclick.net (3rd party)" or ".example.com" as the domain alone; empty when there is none. */
    private static String domain(String text) {
        String domain = text.split("\\s")[0].toLowerCase(Locale.ROOT);
        domain = domain.startsWith("*.") ? domain.substring(2) : domain;
        domain = domain.startsWith(".") ? domain.substring(1) : domain;
        return domain.contains(".") ? domain : "";
    }

    static final class Index {
        final Map<String, Entry> byName = new HashMap<>();
        final List<Entry> wildcards = new ArrayList<>();
        final Map<String, List<Entry>> byDomain = new HashMap<>();

        void add(Entry entry) {
            if (entry.wildcard()) {
                wildcards.add(entry);
            } else {
                byName.putIfAbsent(entry.name(), entry);
            }
            if (!entry.domain().isEmpty()) {
                byDomain.computeIfAbsent(entry.domain(), d -> new ArrayList<>()).add(entry);
            }
        }
    }
}
