package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Words {@link FieldError}s where they are shown: a page in the language its reader reads it in (the console's or the
 * visitor's, as the request's locale says), the JSON API in the best match of the caller's {@code Accept-Language}
 * among the languages Steward ships, English otherwise, named in {@code Content-Language}. Days are written out for
 * the language, numbers grouped for it, lists joined.
 */
@Component
public class ErrorWords {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final MessageSource messages;

    public ErrorWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The errors for a page, in the language of the request being served. */
    public List<ShownError> shown(List<FieldError> errors) {
        return shown(errors, LocaleContextHolder.getLocale());
    }

    public List<ShownError> shown(InvalidInputException e) {
        return shown(e.errors());
    }

    /**
     * The messages by field, for a page that shows each next to its field; errors of the whole request are under
     * {@code "form"}, and several errors of one field are joined.
     */
    public Map<String, String> byField(InvalidInputException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (ShownError error : shown(e)) {
            byField.merge(error.field() == null ? "form" : error.field(), error.message(), (a, b) -> a + " " + b);
        }
        return byField;
    }

    /** One error for a page or a flash message, in the language of the request being served. */
    public String text(FieldError error) {
        return text(error, LocaleContextHolder.getLocale());
    }

    /** The message in English, for a command's output and the server's log. */
    public String english(FieldError error) {
        return text(error, Locale.ENGLISH);
    }

    public String text(FieldError error, Locale locale) {
        return words(error.message(), locale);
    }

    /**
     * The JSON API's answer to errors, in the caller's language. Always JSON, whatever the caller's {@code Accept}
     * says: WHY: left to content negotiation, a client that asks for {@code text/html} or XML alone turned every
     * error (a 404, a 422) into a 500, since no converter writes the error in those.
     */
    public ResponseEntity<ApiErrors> answer(
            HttpStatusCode status, List<FieldError> errors, HttpServletRequest request) {
        Locale language = apiLanguage(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .body(new ApiErrors(shown(errors, language)));
    }

    public ResponseEntity<ApiErrors> answer(HttpStatusCode status, FieldError error, HttpServletRequest request) {
        return answer(status, List.of(error), request);
    }

    /** 429, with when to try again in {@code Retry-After}. */
    public ResponseEntity<ApiErrors> tooMany(long retryAfterSeconds, FieldError error, HttpServletRequest request) {
        Locale language = apiLanguage(request);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(new ApiErrors(shown(List.of(error), language)));
    }

    /** Answers with an error body, for the filters that refuse a request before any controller sees it. */
    public void send(HttpServletRequest request, HttpServletResponse response, int status, FieldError error)
            throws IOException {
        send(request, response, status, List.of(error));
    }

    public void send(HttpServletRequest request, HttpServletResponse response, int status, List<FieldError> errors)
            throws IOException {
        Locale language = apiLanguage(request);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
        response.getWriter().write(JSON.writeValueAsString(new ApiErrors(shown(errors, language))));
    }

    /** The best match of the caller's {@code Accept-Language} among the shipped languages, English for none. */
    public static Locale apiLanguage(HttpServletRequest request) {
        return apiLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static Locale apiLanguage(@Nullable String acceptLanguage) {
        return Locale.forLanguageTag(AcceptLanguage.preferred(acceptLanguage, MessageBundle.SHIPPED));
    }

    private List<ShownError> shown(List<FieldError> errors, Locale locale) {
        return errors.stream()
                .map(error -> new ShownError(error.field(), error.code(), text(error, locale)))
                .toList();
    }

    private String words(Phrase phrase, Locale locale) {
        Object[] arguments =
                phrase.arguments().stream().map(a -> argument(a, locale)).toArray();
        return messages.getMessage(phrase.code(), arguments, locale);
    }

    /** Numbers stay numbers for the pattern to group in its language; the rest is written out here. */
    private Object argument(Object argument, Locale locale) {
        if (argument instanceof Phrase phrase) {
            return words(phrase, locale);
        }
        if (argument instanceof Instant at) {
            return MessageBundle.date(LocalDate.ofInstant(at, ZoneOffset.UTC), locale);
        }
        if (argument instanceof LocalDate day) {
            return MessageBundle.date(day, locale);
        }
        if (argument instanceof Collection<?> items) {
            return items.stream()
                    .map(item -> String.valueOf(argument(item, locale)))
                    .collect(Collectors.joining(locale.getLanguage().equals("ja") ? "、" : ", "));
        }
        return argument;
    }
}
