package dev.steward.consent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The layout of the consent import file: a header line naming the columns (in any order), then one consent action per
 * line, whose values this reads by column name. It collects every problem of the file with its line and column, from
 * lines checked on several threads at once; what a value must be is {@link ConsentCsv}'s business.
 */
final class ConsentCsvFile {

    static final List<String> REQUIRED = List.of("site", "email", "purpose", "action", "occurred_at");
    static final List<String> OPTIONAL = List.of(
            "method",
            "wording",
            "activity",
            "jurisdiction",
            "notice_version",
            "evidence_ref",
            "by_parent",
            "ip_address",
            "user_agent");

    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private Map<String, Integer> columns = Map.of();
    private int headerSize;

    record Problem(int line, int column, String message) {}

    /** The problems found, by line. */
    List<Problem> problems() {
        synchronized (problems) {
            return problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line))
                    .toList();
        }
    }

    void problem(int line, int column, String message) {
        problems.add(new Problem(line, column, message));
    }

    /** Reads the columns' names from the header, read before any line. */
    void header(CsvRecords.Record header) {
        List<CsvRecords.Value> values = header.values();
        Map<String, Integer> named = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i).text().strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                problem(
                        1,
                        values.get(i).column(),
                        "unknown column '" + name + "'; the columns are " + REQUIRED + " and optionally " + OPTIONAL);
            } else if (named.putIfAbsent(name, i) != null) {
                problem(1, values.get(i).column(), "column '" + name + "' appears twice");
            }
        }
        REQUIRED.stream()
                .filter(name -> !named.containsKey(name))
                .forEach(name -> problem(1, 1, "the header lacks the required column '" + name + "'"));
        columns = named;
        headerSize = values.size();
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The address a line gives, as its check reads it (stripped; empty when the line gives none). */
    Optional<String> email(CsvRecords.Record record) {
        Integer index = columns.get("email");
        List<CsvRecords.Value> values = record.values();
        if (index == null || index >= values.size()) {
            return Optional.empty();
        }
        String text = values.get(index).text().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The line's values by column name; none for a blank line, or one without as many values as the header. */
    Optional<Line> line(CsvRecords.Record record) {
        if (record.blank()) {
            return Optional.empty();
        }
        List<CsvRecords.Value> values = record.values();
        if (values.size() != headerSize) {
            problem(record.line(), 1, "the line has " + values.size() + " values, the header " + headerSize);
            return Optional.empty();
        }
        return Optional.of(new Line(record.line(), values));
    }

    /** One line's values by column name, and whether a problem was found in it. */
    final class Line {

        private final int number;
        private final List<CsvRecords.Value> values;
        private boolean failed;

        private Line(int number, List<CsvRecords.Value> values) {
            this.number = number;
            this.values = values;
        }

        int number() {
            return number;
        }

        /** The column's value without surrounding blanks; none when it is empty or the file has no such column. */
        @Nullable
        String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String text = values.get(index).text().strip();
            return text.isEmpty() ? null : text;
        }

        /** Where the column's value starts on its line (1 when the file has no such column). */
        int column(String name) {
            Integer index = columns.get(name);
            return index == null ? 1 : values.get(index).column();
        }

        void problem(String column, String message) {
            failed = true;
            ConsentCsvFile.this.problem(number, column(column), column + ": " + message);
        }

        boolean failed() {
            return failed;
        }
    }
}
