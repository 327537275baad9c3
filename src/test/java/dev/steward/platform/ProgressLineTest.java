package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command's progress line as a person reads it in a log: the progress library wrote "? rows/s" before a whole second
 * had passed (the first line of every import, export and sweep, and the last of every short one); the line shows no
 * rate until one is known, then the rate.
 */
class ProgressLineTest {

    @Test
    void aLineShowsNoRateUntilOneIsKnownAndThenTheRate() throws InterruptedException {
        StringWriter written = new StringWriter();

        try (Progress progress = Progress.on(new PrintWriter(written, true), false, "import", 1_000, "rows", 1)) {
            TimeUnit.MILLISECONDS.sleep(300);
            progress.advance(600);
            TimeUnit.MILLISECONDS.sleep(200);
        }

        String[] lines = written.toString().strip().split("\n");
        assertThat(written.toString()).doesNotContain("? rows");
        assertThat(lines[0])
                .as("before anything is done")
                .containsPattern("[^0-9]0/1000")
                .doesNotContain("rows/s");
        assertThat(lines[lines.length - 1])
                .as("the last line, well within the first second")
                .contains("600/1000")
                .containsPattern("\\d+\\.\\d rows/s");
    }
}
