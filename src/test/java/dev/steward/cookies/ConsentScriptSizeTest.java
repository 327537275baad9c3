package dev.steward.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The banner's weight, measured in every build: the script and its style sheet as served, gzipped together, may not
 * exceed 8 kB (8,192 bytes). The build fails above it.
 */
class ConsentScriptSizeTest {

    static final int LIMIT = 8 * 1024;

    @Test
    void scriptAndStyleSheetStayWithinEightKilobytesGzipped() throws IOException {
        String script = ConsentScript.read(ConsentScript.SCRIPT);
        String style = ConsentScript.read(ConsentScript.STYLE);

        int gzipped = gzipped(script + style);

        System.out.printf(
                "consent.js + consent.css: %,d bytes, %,d bytes gzipped (limit %,d)%n",
                script.length() + style.length(), gzipped, LIMIT);
        assertThat(gzipped).isLessThanOrEqualTo(LIMIT);
    }

    @Test
    void theMeasureFailsAScriptAboveTheLimit() throws IOException {
        StringBuilder heavy = new StringBuilder();
        Random random = new Random(1);
        while (heavy.length() < 3 * LIMIT) {
            heavy.append(Long.toString(random.nextLong(), 36));
        }
        assertThat(gzipped(heavy.toString())).isGreaterThan(LIMIT);
    }

    static int gzipped(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }
}
