package dev.steward.consent;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a CSV file (RFC 4180: quoted values may hold commas, doubled quotes and line breaks) with FastCSV, and keeps
 * where each record starts and each value begins, so that a problem can be reported as file:line:column. The line is
 * the one the record starts on; the column counts characters from the record's start (on its first line, simply the
 * column), derived from each value's length and whether it was quoted.
 */
final class CsvRecords extends AbstractBaseCsvCallbackHandler<CsvRecords.Record> {

    /** A value and the 1-based column of its first character (its opening quote, when quoted). */
    record Value(String text, int column) {}

    /** One record: the line it starts on, and its values. */
    record Record(int line, List<Value> values) {

        boolean blank() {
            return values.stream().allMatch(value -> value.text().isBlank());
        }
    }

    /** A file that is not CSV: where reading stopped, and why in words that quote nothing of the file. */
    record Malformed(int line, int column, String message) {}

    private List<Value> values = new ArrayList<>();
    private int column = 1;

    private CsvRecords() {}

    /**
     * Hands each record to the consumer in the file's order (a leading byte-order mark is skipped); answers what made
     * the file unreadable as CSV, or null once all of it was read.
     */
    static Malformed read(InputStream bytes, Consumer<Record> consumer) {
        CsvRecords handler = new CsvRecords();
        try (CsvReader<Record> reader = CsvReader.builder()
                .detectBomHeader(true)
                .allowUnclosedQuote(false)
                .allowExtraCharsAfterClosingQuote(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .build(handler, bytes, StandardCharsets.UTF_8)) {
            reader.forEach(consumer);
            return null;
        } catch (CsvParseException e) {
            return handler.malformed(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        values = new ArrayList<>();
        column = 1;
    }

    @Override
    protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
        String text = new String(buffer, offset, length);
        values.add(new Value(text, column));
        column += written(text, quoted) + 1;
    }

    @Override
    protected Record buildRecord() {
        return new Record((int) getStartingLineNumber(), values);
    }

    /** How many characters the value took in the file: quoted, its quotes and the doubling of those inside. */
    private static int written(String text, boolean quoted) {
        if (!quoted) {
            return text.length();
        }
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
            }
        }
        return text.length() + quotes + 2;
    }

    /** The library's message may quote a character of the file, so only its kind is turned into words here. */
    private Malformed malformed(CsvParseException e) {
        String message = String.valueOf(e.getMessage());
        String words;
        if (message.startsWith("Unclosed quoted field")) {
            words = "a quoted value is not closed before the end of the file";
        } else if (message.startsWith("Unexpected character after closing quote")) {
            words = "a quoted value must be followed by a comma or the line end";
        } else {
            words = "not readable as CSV";
        }
        return new Malformed((int) getStartingLineNumber(), column, words);
    }
}
