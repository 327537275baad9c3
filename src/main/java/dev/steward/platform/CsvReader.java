package dev.steward.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one line of RFC 4180 CSV (commas, double quotes, quotes doubled inside them) and remembers where each value
 * starts, so that a problem can be reported as file:line:column.
 */
public final class CsvReader {

    private CsvReader() {}

    /** A value and the 1-based column of its first character. */
    public record Value(String text, int column) {}

    /** Thrown for a line that is not CSV; {@link #column()} is where reading stopped. */
    public static final class MalformedLineException extends Exception {

        private final int column;

        MalformedLineException(int column, String message) {
            super(message);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    public static List<Value> values(String line) throws MalformedLineException {
        List<Value> values = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = i;
            StringBuilder value = new StringBuilder();
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, value);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new MalformedLineException(
                            i + 1, "a quoted value must be followed by a comma or the line end");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i) == '"') {
                        throw new MalformedLineException(
                                i + 1, "a quote inside an unquoted value; quote the whole value");
                    }
                    value.append(line.charAt(i++));
                }
            }
            values.add(new Value(value.toString(), start + 1));
            if (i >= line.length()) {
                return values;
            }
            i++;
        }
    }

    /** Reads a quoted value from just after its opening quote; answers the index just after its closing quote. */
    private static int quoted(String line, int from, StringBuilder value) throws MalformedLineException {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            value.append(c);
            i++;
        }
        throw new MalformedLineException(from, "a quoted value is not closed on its line");
    }
}
