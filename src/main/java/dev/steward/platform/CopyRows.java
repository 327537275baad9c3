package dev.steward.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in its text format: columns separated by tabs, {@code \N} for
 * null, backslash escapes in text, {@code \\x} hex for bytea. Bulk paths write exactly the values their single-row
 * INSERTs would bind, only faster.
 */
public final class CopyRows implements CopyData {

    private static final HexFormat HEX = HexFormat.of();

    // small: the bulk paths make a few per row on worker threads (three per subject), and a large empty buffer each
    // was 7 % of the seed generator's samples (bench/README.md); big batches grow theirs by doubling
    private final StringBuilder text = new StringBuilder(256);
    private boolean rowStarted;
    private int rows;

    public CopyRows add(@Nullable Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof byte[] bytes) {
            HEX.formatHex(text.append("\\\\x"), bytes);
        } else if (value instanceof Instant instant) {
            text.append(instant.truncatedTo(ChronoUnit.MICROS));
        } else if (value instanceof List<?> list) {
            array(list);
        } else {
            escape(value.toString());
        }
        return this;
    }

    public CopyRows end() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    /** Adds whole rows made elsewhere (e.g. on another thread). */
    public CopyRows append(CopyRows other) {
        text.append(other.text);
        rows += other.rows;
        return this;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    /** A text[] literal: each element double-quoted, its quotes and backslashes escaped for the array and for COPY. */
    private void array(List<?> values) {
        text.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            String element = values.get(i).toString();
            text.append('"');
            if (plain(element)) {
                // ids (a sweep batch writes thousands per row) need no escaping, so skip the character-wise pass
                text.append(element);
            } else {
                escape(element.replace("\\", "\\\\").replace("\"", "\\\""));
            }
            text.append('"');
        }
        text.append('}');
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
