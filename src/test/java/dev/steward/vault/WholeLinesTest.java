package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line cut short by a killed writer is not read, wherever the cut falls, however long the line. */
class WholeLinesTest {

    @TempDir
    Path folder;

    @Test
    void aLastLineWithoutItsNewlineIsLeftOut() throws IOException {
        // longer than the 64 kB the end is looked for in at a time, as a sweep batch's tombstone is
        String longLine = "b".repeat(200_000);
        Path file = write("a\n" + longLine + "\n" + "c".repeat(100_000));

        assertThat(read(file)).containsExactly("a", longLine);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThat(WholeLines.end(channel)).isEqualTo(2 + longLine.length() + 1);
        }
    }

    @Test
    void aFileOfWholeLinesIsReadWhole() throws IOException {
        assertThat(read(write("a\nb\n"))).containsExactly("a", "b");
        assertThat(read(write(""))).isEmpty();
        assertThat(read(write("cut"))).isEmpty();
    }

    @Test
    void aBatchTombstoneCutShortIsNotReadAndTheLinesBeforeItAre() throws IOException {
        Tombstone whole = Tombstone.ofSubject(SubjectId.random(), Instant.now(), "erasure request", true);
        String line = ErasureLogFile.line(ErasureLogFileTest.JSON, RenderedTombstone.of(whole));
        Path file = write(line + "\n" + line.substring(0, line.length() / 2));

        try (Stream<Tombstone> read = ErasureLogFile.stream(file, ErasureLogFileTest.JSON)) {
            assertThat(read.toList()).containsExactly(whole);
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(folder, "lines", ".txt"), text, StandardCharsets.UTF_8);
    }

    private static List<String> read(Path file) throws IOException {
        try (Stream<String> lines = WholeLines.of(file)) {
            return lines.toList();
        }
    }
}
