package dev.steward.consent;

import jakarta.servlet.http.HttpServletResponseWrapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Hands an answer's headers to Tomcat as bytes. Tomcat keeps a header set as text and encodes its name and value
 * again, with a new encoder and buffers, each time an answer is written; the decision's answers carry the same dozen
 * security headers every time, so their bytes are encoded once and shared (Tomcat copies them into its buffer and
 * never writes into them). Headers Tomcat itself interprets ({@code Content-Type}, {@code Content-Length}, …) go
 * through it as usual.
 */
final class EncodedHeaders extends HttpServletResponseWrapper {

    private final Response response;
    private final Encodings encodings;

    EncodedHeaders(Response response, Encodings encodings) {
        super(response);
        this.response = response;
        this.encodings = encodings;
    }

    /** The header names and values encoded so far, shared by the answers of one valve. */
    static final class Encodings {

        /** Enough for every constant header; a value that varies (a {@code Retry-After}) beyond it is encoded afresh. */
        static final int CACHED = 256;

        private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();
        private volatile Encoded date = new Encoded("", new byte[0]);

        byte[] of(String text) {
            byte[] bytes = encoded.get(text);
            if (bytes != null) {
                return bytes;
            }
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            if (encoded.size() < CACHED) {
                encoded.putIfAbsent(text, bytes);
            }
            return bytes;
        }

        /** Tomcat's date of this second, which it would otherwise encode for every answer. */
        byte[] currentDate() {
            String now = FastHttpDateFormat.getCurrentDate();
            Encoded last = date;
            if (!last.text().equals(now)) {
                last = new Encoded(now, now.getBytes(StandardCharsets.ISO_8859_1));
                date = last;
            }
            return last.bytes();
        }

        private record Encoded(String text, byte[] bytes) {}
    }

    /**
     * The content type as a header of bytes, left unset in Tomcat, which would encode it afresh; the answer's body
     * is bytes already, so nothing else reads it.
     */
    void setEncodedContentType(String type) {
        add(response.getCoyoteResponse().getMimeHeaders(), "Content-Type", encodings.of(type));
    }

    /** The {@code Date} Tomcat would add, from the same clock, as bytes. */
    void setEncodedDate() {
        add(response.getCoyoteResponse().getMimeHeaders(), "Date", encodings.currentDate());
    }

    @Override
    public void setHeader(String name, String value) {
        if (interpretedByTomcat(name) || response.isCommitted()) {
            super.setHeader(name, value);
            return;
        }
        MimeHeaders headers = response.getCoyoteResponse().getMimeHeaders();
        headers.removeHeader(name);
        add(headers, name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (interpretedByTomcat(name) || response.isCommitted()) {
            super.addHeader(name, value);
            return;
        }
        add(response.getCoyoteResponse().getMimeHeaders(), name, value);
    }

    private void add(MimeHeaders headers, String name, String value) {
        add(headers, name, encodings.of(value));
    }

    private void add(MimeHeaders headers, String name, byte[] encodedValue) {
        byte[] encodedName = encodings.of(name);
        MessageBytes field = headers.addValue(encodedName, 0, encodedName.length);
        field.setBytes(encodedValue, 0, encodedValue.length);
    }

    private static boolean interpretedByTomcat(String name) {
        return name.regionMatches(true, 0, "Content-", 0, 8) && !name.equalsIgnoreCase("Content-Security-Policy");
    }
}
