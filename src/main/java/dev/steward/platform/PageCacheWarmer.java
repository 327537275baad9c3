package dev.steward.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the files of a few relations (indexes, mostly) into the operating system's page cache, front to back, on a
 * thread of its own, for bulk work about to change pages all over them. A bulk write into an index keyed by random
 * values (a person's id, a blind index) otherwise reads its leaves from disk one at a time inside its transaction:
 * on a cold cache the consent import's first batches took half a second a COPY instead of 80 ms (bench/README.md,
 * "import5"). Read in file order they come at the disk's sequential speed, and a page already cached costs next to
 * nothing (the kernel hands it to /dev/null without copying it). Only a database whose files this machine can read
 * (the embedded one) is warmed; for any other, or any failure, nothing happens but a debug line, since only the speed
 * depends on it.
 */
@Component
public class PageCacheWarmer {

    private static final Logger log = LoggerFactory.getLogger(PageCacheWarmer.class);

    /** PostgreSQL keeps a relation in files of 1 GB: {@code path}, {@code path.1}, {@code path.2}, … */
    private static final int MAX_SEGMENTS = 1024;

    private final JdbcClient jdbc;

    PageCacheWarmer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts reading these relations' files (by name, e.g. an index's) on the executor; the answer completes when they
     * are read or the reading gave up, never exceptionally.
     */
    public CompletableFuture<Void> warm(List<String> relations, Executor executor) {
        return CompletableFuture.runAsync(() -> read(files(relations)), executor)
                .exceptionally(failure -> {
                    // the kind only: a message may name a path
                    log.debug(
                            "Warming the page cache failed: {}",
                            failure.getClass().getName());
                    return null;
                });
    }

    /**
     * The files of these relations that this machine can read, in order; a name no relation has is left out. Asking
     * for the data directory needs a superuser or {@code pg_read_all_settings}: an external database without them
     * fails here, and is not warmed.
     */
    List<Path> files(List<String> relations) {
        Path data = Path.of(jdbc.sql("SELECT current_setting('data_directory')")
                .query(String.class)
                .single());
        List<Path> files = new ArrayList<>();
        for (String relation : relations) {
            jdbc.sql("SELECT pg_relation_filepath(to_regclass(:relation))")
                    .param("relation", relation)
                    .query(String.class)
                    .optional()
                    .ifPresent(path -> files.addAll(segments(data.resolve(path))));
        }
        return files;
    }

    private static List<Path> segments(Path first) {
        List<Path> segments = new ArrayList<>();
        for (int segment = 0; segment < MAX_SEGMENTS; segment++) {
            Path file = segment == 0 ? first : first.resolveSibling(first.getFileName() + "." + segment);
            if (!Files.isReadable(file)) {
                break;
            }
            segments.add(file);
        }
        return segments;
    }

    private static void read(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        try (FileChannel sink = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
            for (Path file : files) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    // sendfile(2) on Linux: the pages enter the cache, none is copied to this process
                    long size = channel.size();
                    for (long at = 0; at < size; ) {
                        long sent = channel.transferTo(at, size - at, sink);
                        if (sent <= 0) {
                            break;
                        }
                        at += sent;
                    }
                }
            }
        } catch (IOException e) {
            // a file dropped or truncated meanwhile (a VACUUM FULL, a REINDEX): the rest is not worth it
            log.debug("Warming the page cache stopped: {}", e.getClass().getName());
        }
    }
}
