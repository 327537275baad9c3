package dev.steward.vault;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The whole lines of a file that lines are appended to. write(2) is not atomic: a process killed while it writes a
 * long line (a sweep batch's tombstone names thousands of records) leaves the line's first part without its newline,
 * and a short write (a full disk) does too. Such a cut line is never read as a line, and the next append cuts it off
 * rather than continuing it, so each line in the file is one that was written whole.
 */
final class WholeLines {

    private static final int CHUNK = 64 * 1024;

    private WholeLines() {}

    /** Where the file's last whole line ends (after its newline); 0 when it has none. */
    static long end(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer last = ByteBuffer.allocate(1);
        if (size == 0 || (channel.read(last, size - 1) == 1 && last.get(0) == '\n')) {
            // the common case, looked at before every append: one byte read, not a chunk
            return size;
        }
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        for (long to = size; to > 0; ) {
            long from = Math.max(0, to - CHUNK);
            buffer.clear().limit((int) (to - from));
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + buffer.position()) < 0) {
                    break;
                }
            }
            for (int i = buffer.position() - 1; i >= 0; i--) {
                if (buffer.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            to = from;
        }
        return 0;
    }

    /** The file's whole lines, to be closed after use; the cut end of a last line is left out. */
    static Stream<String> of(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long end = end(channel);
            BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new Prefix(Channels.newInputStream(channel.position(0)), end), StandardCharsets.UTF_8));
            return reader.lines().onClose(() -> {
                try {
                    reader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Writes all the bytes at the channel's position: one write may write only some of them. */
    static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** The first bytes of a stream. */
    private static final class Prefix extends FilterInputStream {

        private long left;

        Prefix(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read();
            if (read >= 0) {
                left--;
            }
            return read;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(bytes, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left));
            left -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), left);
        }
    }
}
