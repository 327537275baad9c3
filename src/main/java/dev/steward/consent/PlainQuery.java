package dev.steward.consent;

import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import org.jspecify.annotations.Nullable;

/**
 * A decision's query parameters read from the request's bytes, when the query needs no decoding: printable ASCII
 * without a {@code %}-escape or a {@code +}. Tomcat's own parser turns every parameter into text through a new
 * decoder and buffers, a fifth of what a decision allocated (bench/README.md); any other query goes through it as
 * before, so what a name means never depends on which reader read it. As Tomcat's, the first of repeated names counts
 * and a name without {@code =} has the empty value.
 */
final class PlainQuery {

    private final byte[] bytes;
    private final int start;
    private final int end;

    private PlainQuery(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
    }

    /** The query, or nothing when it must be decoded by Tomcat. */
    static @Nullable PlainQuery of(Request request) {
        return of(request.getCoyoteRequest().queryString());
    }

    static @Nullable PlainQuery of(MessageBytes query) {
        if (query.isNull()) {
            return new PlainQuery(new byte[0], 0, 0);
        }
        if (query.getType() != MessageBytes.T_BYTES) {
            return null;
        }
        ByteChunk chunk = query.getByteChunk();
        byte[] bytes = chunk.getBuffer();
        for (int i = chunk.getStart(); i < chunk.getEnd(); i++) {
            byte b = bytes[i];
            if (b == '%' || b == '+' || b <= ' ' || b >= 0x7f) {
                return null;
            }
        }
        return new PlainQuery(bytes, chunk.getStart(), chunk.getEnd());
    }

    @Nullable
    String get(String name) {
        int from = start;
        while (from < end) {
            int to = indexOf('&', from, end);
            int equals = indexOf('=', from, to);
            if (equals - from == name.length() && named(name, from)) {
                return equals == to ? "" : new String(bytes, equals + 1, to - equals - 1, StandardCharsets.ISO_8859_1);
            }
            from = to + 1;
        }
        return null;
    }

    private boolean named(String name, int at) {
        for (int i = 0; i < name.length(); i++) {
            if (bytes[at + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }
}
