package dev.steward.weblog;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import dev.steward.platform.CalendarDates;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Aggregate statistics from the request log, fit to share with partners (seed 002: "aggregated demographic and
 * statistical information ... not linked to any personal information"): visits and requests per day, site, country
 * and browser. A cell counting fewer than k visits or requests is left out (k is the site's
 * {@code aggregateMinimumCount}; over several sites, the largest), and the export says how many were.
 */
@Service
class Statistics {

    static final int MAX_DAYS = 366;

    /** What a table is counted by; the expressions are fixed here, never taken from a request. */
    enum Dimension {
        DAY("to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
        SITE("site"),
        COUNTRY("COALESCE(country, 'unknown')"),
        BROWSER("COALESCE(browser, 'unknown')");

        private final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }

        String expression() {
            return expression;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Cell(String value, long visits, long requests) {}

    record Table(String dimension, List<Cell> cells, int suppressedCells) {}

    record Report(List<String> sites, LocalDate from, LocalDate to, int minimumCount, List<Table> tables) {}

    private final RequestLogRepository repository;
    private final RequestLog log;
    private final Catalogs catalogs;
    private final WeblogSettings settings;
    private final Clock clock;

    Statistics(
            RequestLogRepository repository, RequestLog log, Catalogs catalogs, WeblogSettings settings, Clock clock) {
        this.repository = repository;
        this.log = log;
        this.catalogs = catalogs;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The report for one site, or (no site given) every site the caller may see, over the days from and to (both
     * included, UTC; by default the last 30 days).
     */
    Report export(@Nullable String site, @Nullable String from, @Nullable String to, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate last = date(to, "to", today, errors);
        LocalDate first = date(from, "from", last == null ? today.minusDays(29) : last.minusDays(29), errors);
        if (first != null && last != null) {
            if (first.isAfter(last)) {
                errors.add(FieldError.of("to", "before-from", "error.weblog.to.before-from"));
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
                errors.add(FieldError.of("to", "too-long", "error.weblog.to.too-long", MAX_DAYS));
            }
        }
        List<Site> sites = sites(site, caller, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return report(sites, first, last);
    }

    private Report report(List<Site> sites, LocalDate from, LocalDate to) {
        log.flush();
        int k = sites.stream().mapToInt(this::minimumCount).max().orElse(settings.defaultMinimumCount());
        List<String> keys = sites.stream().map(Site::key).toList();
        List<Table> tables = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            List<Cell> cells = repository.count(
                    dimension,
                    keys,
                    from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            List<Cell> shown = shown(cells, k);
            tables.add(new Table(dimension.key(), shown, cells.size() - shown.size()));
        }
        return new Report(keys, from, to, k, List.copyOf(tables));
    }

    /**
     * The cells of at least k, less as many of the smallest as it takes for the left-out cells to add up to k or
     * more: every table sums to the same total, so a single small cell left out alone could be read off as the
     * total minus the cells shown.
     */
    static List<Cell> shown(List<Cell> cells, int k) {
        List<Cell> shown = new ArrayList<>(cells.stream()
                .filter(cell -> cell.visits() >= k && cell.requests() >= k)
                .sorted(Comparator.comparingLong(Cell::visits).thenComparingLong(Cell::requests))
                .toList());
        long hiddenVisits = 0;
        long hiddenRequests = 0;
        for (Cell cell : cells) {
            if (!shown.contains(cell)) {
                hiddenVisits += cell.visits();
                hiddenRequests += cell.requests();
            }
        }
        while (!shown.isEmpty()
                && (hiddenVisits > 0 || hiddenRequests > 0)
                && (hiddenVisits < k || hiddenRequests < k)) {
            Cell smallest = shown.remove(0);
            hiddenVisits += smallest.visits();
            hiddenRequests += smallest.requests();
        }
        List<Cell> inOrder = new ArrayList<>(cells);
        inOrder.retainAll(shown);
        return List.copyOf(inOrder);
    }

    private int minimumCount(Site site) {
        return site.aggregateMinimumCount() != null ? site.aggregateMinimumCount() : settings.defaultMinimumCount();
    }

    private List<Site> sites(@Nullable String site, Caller caller, List<FieldError> errors) {
        if (site == null || site.isBlank()) {
            return catalogs.sites().stream()
                    .filter(candidate -> caller.maySee(candidate.key()) && log.logs(candidate.key()))
                    .toList();
        }
        if (catalogs.site(site).isEmpty() || !caller.maySee(site)) {
            errors.add(FieldError.of("site", "unknown", "error.weblog.site.unknown"));
            return List.of();
        }
        if (!log.logs(site)) {
            errors.add(FieldError.of("site", "not-logged", "error.weblog.site.not-logged"));
        }
        return List.of(catalogs.requireSite(site));
    }

    private static @Nullable LocalDate date(
            @Nullable String text, String field, LocalDate fallback, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return CalendarDates.date(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "invalid", "error.weblog.field.invalid"));
            return null;
        }
    }

    /** The report as CSV: one line per shown cell, {@code dimension,value,visits,requests}. */
    static String csv(Report report) {
        StringBuilder csv = new StringBuilder("dimension,value,visits,requests\r\n");
        for (Table table : report.tables()) {
            for (Cell cell : table.cells()) {
                csv.append(table.dimension())
                        .append(',')
                        .append(csvValue(cell.value()))
                        .append(',')
                        .append(cell.visits())
                        .append(',')
                        .append(cell.requests())
                        .append("\r\n");
            }
        }
        return csv.toString();
    }

    /** Quotes where CSV needs it, and defuses values a spreadsheet would run as a formula. */
    private static String csvValue(String value) {
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
