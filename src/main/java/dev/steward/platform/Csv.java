package dev.steward.platform;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** CSV as RFC 4180 writes it: every value quoted, quotes doubled, lines ended by CRLF. */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** A header row of plain column names, which need no quoting. */
    public Csv header(List<String> names) {
        text.append(String.join(",", names)).append("\r\n");
        return this;
    }

    public Csv row(List<? extends @Nullable Object> values) {
        text.append(values.stream().map(Csv::quoted).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String quoted(@Nullable Object value) {
        return "\"" + (value == null ? "" : value.toString().replace("\"", "\"\"")) + "\"";
    }
}
