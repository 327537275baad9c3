package dev.steward.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies larger than {@link HttpSettings#maxRequestBody()} with 413, before anything reads them, and
 * JSON whose text is not Unicode (a lone UTF-16 surrogate such as {@code "\ud800"}, which Java would otherwise store as
 * {@code ?} or refuse deep inside a transaction) or holds a NUL (which PostgreSQL refuses in text) with 422 naming the
 * field; {@link QueryText} refuses the same in a query. Runs before security, so that an
 * unauthenticated client cannot make Steward buffer more either. A JSON body is read once, here, and handed on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimits extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper json;
    private final ErrorWords words;

    RequestBodyLimits(HttpSettings settings, JsonMapper json, ErrorWords words) {
        this.limit = settings.maxRequestBody().toBytes();
        this.json = json;
        this.words = words;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        if (!isJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(request, response);
            return;
        }
        Optional<String> field = JsonText.notText(json, body);
        if (field.isPresent()) {
            words.send(
                    request,
                    response,
                    422,
                    FieldError.of(
                            field.get().isEmpty() ? null : field.get(),
                            "invalid-text",
                            "error.platform.field.invalid-text"));
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A browser posting a page's form gets a readable page; everyone else the API's error shape. */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
            words.send(
                    request,
                    response,
                    413,
                    FieldError.of(null, "too-large", "error.platform.request.too-large", limit));
        } else {
            response.sendError(413);
        }
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        private java.nio.charset.Charset charset() {
            String encoding = getCharacterEncoding();
            return encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
