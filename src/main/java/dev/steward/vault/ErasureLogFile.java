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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The erasure tombstones, one JSON line each, in a file outside the database ({@code STEWARD_ERASURE_LOG}). A backup
 * of the database taken before an erasure does not contain its tombstone; this file does, so after a restore
 * {@code restore-replay} can erase again. Each line is flushed to disk before the erasure is reported done; the file
 * is locked while written, so nodes sharing it on one file system do not interleave.
 */
@Component
class ErasureLogFile {

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
        if (tombstones.isEmpty()) {
            return;
        }
        // a sweep batch's line names thousands of records: written out before taking the file, which the other
        // workers wait for
        StringBuilder lines = new StringBuilder();
        tombstones.forEach(
                tombstone -> lines.append(json.writeValueAsString(tombstone)).append('\n'));
        write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private synchronized void write(byte[] lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
                    FileLock ignored = lock(channel)) {
                channel.write(ByteBuffer.wrap(lines));
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
            return Files.lines(file, StandardCharsets.UTF_8)
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
