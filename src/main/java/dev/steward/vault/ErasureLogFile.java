package dev.steward.vault;

import dev.steward.platform.StewardProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The erasure tombstones, one JSON line each, in a file outside the database ({@code STEWARD_ERASURE_LOG}). A backup
 * of the database taken before an erasure does not contain its tombstone; this file does, so after a restore
 * {@code restore-replay} can erase again. Each line is flushed to disk before the erasure is reported done; the file
 * is locked while written, so nodes sharing it on one file system do not interleave. A line a killed writer left cut
 * short is neither read nor continued ({@link WholeLines}).
 */
@Component
class ErasureLogFile {

    private static final Logger log = LoggerFactory.getLogger(ErasureLogFile.class);

    private static final String NO_RECORDS = "\"records\":[]";
    private static final String NO_SUBJECTS = "\"subjects\":[]";

    private final Path file;
    private final JsonMapper json;

    ErasureLogFile(StewardProperties properties, JsonMapper json) {
        this.file = properties.erasureLogPath();
        this.json = json;
    }

    Path path() {
        return file;
    }

    void append(List<Tombstone> tombstones) {
        appendRendered(tombstones.stream().map(RenderedTombstone::of).toList());
    }

    /** As {@link #append}, each tombstone's ids taken as written out where given. */
    void appendRendered(List<RenderedTombstone> tombstones) {
        if (tombstones.isEmpty()) {
            return;
        }
        // a sweep batch's line names thousands of records: written out before taking the file, which the other
        // workers wait for
        StringBuilder lines = new StringBuilder();
        tombstones.forEach(tombstone -> lines.append(line(json, tombstone)).append('\n'));
        write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The tombstone's JSON line. A sweep batch's ids, written out already, are put into the line as they are: the
     * mapper writes the tombstone with empty lists, and the lists' places get the ids, each quoted. The line is the one
     * the mapper writes of the whole tombstone (ErasureLogFileTest), without rendering tens of thousands of ids.
     */
    static String line(JsonMapper json, RenderedTombstone rendered) {
        Tombstone tombstone = rendered.tombstone();
        String records = rendered.recordsText();
        String subjects = rendered.subjectsText();
        if (records == null || subjects == null || tombstone.records() == null || tombstone.subjects() == null) {
            return json.writeValueAsString(tombstone);
        }
        String bare = json.writeValueAsString(new Tombstone(
                tombstone.id(),
                tombstone.subject(),
                List.of(),
                tombstone.activity(),
                tombstone.erasedAt(),
                tombstone.reason(),
                List.of(),
                tombstone.suppressed()));
        // the id, the subject (null for a batch) and nothing else written before the records; the subjects after the
        // reason, and the mapper escapes a quote in the reason, so the last unescaped match is the subjects' list
        int recordsAt = bare.indexOf(NO_RECORDS);
        int subjectsAt = bare.lastIndexOf(NO_SUBJECTS);
        if (recordsAt < 0 || subjectsAt < recordsAt) {
            return json.writeValueAsString(tombstone);
        }
        int recordsEnd = recordsAt + NO_RECORDS.length() - 1;
        int subjectsEnd = subjectsAt + NO_SUBJECTS.length() - 1;
        StringBuilder line = new StringBuilder(bare.length() + (records.length() + subjects.length()) * 42 / 37 + 8);
        line.append(bare, 0, recordsEnd);
        quoted(line, records);
        line.append(bare, recordsEnd, subjectsEnd);
        quoted(line, subjects);
        line.append(bare, subjectsEnd, bare.length());
        return line.toString();
    }

    /** UUIDs joined by commas as JSON strings joined by commas: nothing in a UUID needs escaping. */
    private static void quoted(StringBuilder line, String joined) {
        if (!joined.isEmpty()) {
            line.append('"').append(joined.replace(",", "\",\"")).append('"');
        }
    }

    private synchronized void write(byte[] lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // not APPEND, which cannot read: under the lock no other writer moves the end
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = lock(channel)) {
                long end = WholeLines.end(channel);
                if (end < channel.size()) {
                    // a writer was killed inside its write: its tombstone is in the database (the file is written
                    // after the commit), and this start or restore-replay writes it again whole
                    log.warn(
                            "The erasure log {} ended in a line cut short ({} bytes): cut off before appending",
                            file,
                            channel.size() - end);
                    channel.truncate(end);
                }
                WholeLines.writeFully(channel.position(end), ByteBuffer.wrap(lines));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the erasure log " + file, e);
        }
    }

    /**
     * The file lock, waiting for it. Another Steward in this same JVM (a second node in a test, sharing the file)
     * holding it is reported as an exception rather than waited for, so that case waits here.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the erasure log's lock", interrupted);
                }
            }
        }
    }

    static List<Tombstone> read(Path file, JsonMapper json) {
        try (Stream<Tombstone> tombstones = stream(file, json)) {
            return tombstones.toList();
        }
    }

    /**
     * The tombstones one line at a time, to be closed after use. The log grows with every sweep (a batch's tombstone
     * lists its records), so reading it whole at start took more than a 320 MB heap.
     */
    static Stream<Tombstone> stream(Path file, JsonMapper json) {
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        try {
            return WholeLines.of(file)
                    .filter(line -> !line.isBlank())
                    .map(line -> json.readValue(line, Tombstone.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the erasure log " + file, e);
        }
    }

    Stream<Tombstone> stream(Path source) {
        return stream(source, json);
    }
}
