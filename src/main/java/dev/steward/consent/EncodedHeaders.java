package dev.steward.consent;

import jakarta.servlet.http.HttpServletResponseWrapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.catalina.connector.Response;
import org.apache.tomcat.util.buf.MessageBytes;
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
        byte[] encodedName = encodings.of(name);
        byte[] encodedValue = encodings.of(value);
        MessageBytes field = headers.addValue(encodedName, 0, encodedName.length);
        field.setBytes(encodedValue, 0, encodedValue.length);
    }

    private static boolean interpretedByTomcat(String name) {
        return name.regionMatches(true, 0, "Content-", 0, 8) && !name.equalsIgnoreCase("Content-Security-Policy");
    }
}
