package dev.steward.platform;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON text for strings that are not text Steward can store, before anything binds them: a lone UTF-16
 * surrogate is not Unicode, and PostgreSQL's text holds no NUL.
 */
final class JsonText {

    private JsonText() {}

    /**
     * The path ({@code fields.name}, {@code events.0.email}; empty for the top level) of the first string holding a
     * lone surrogate or a NUL, or of the object with such a property name (never the name itself, which would repeat what was
     * sent), if any. Malformed JSON is left to the endpoint, which reports it as such.
     */
    static Optional<String> notText(JsonMapper json, byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            try {
                return find(parser);
            } catch (JacksonException e) {
                // Jackson itself refuses a broken pair in a property name; anything else malformed is the endpoint's
                return e.getMessage() != null && e.getMessage().contains("surrogate")
                        ? Optional.of(path(parser.streamReadContext()))
                        : Optional.empty();
            }
        }
    }

    private static Optional<String> find(JsonParser parser) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.PROPERTY_NAME && hasNotText(parser.currentName())) {
                return Optional.of(path(parser.streamReadContext().getParent()));
            }
            if (token == JsonToken.VALUE_STRING && hasNotText(parser.getString())) {
                return Optional.of(path(parser.streamReadContext()));
            }
        }
        return Optional.empty();
    }

    /** Whether the text holds a lone surrogate or a NUL (U+0000, which PostgreSQL refuses in text). */
    static boolean hasNotText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return true;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The API's path of where the parser is: {@code fields.name}, {@code events.0.email}; empty at the top level. */
    static String path(TokenStreamContext context) {
        String pointer = context.pathAsPointer().toString();
        return pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
    }
}
