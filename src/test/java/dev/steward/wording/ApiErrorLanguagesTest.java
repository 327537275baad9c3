package dev.steward.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API words its errors in the caller's {@code Accept-Language} among English, German and Japanese, English
 * for any other or none, and says which in {@code Content-Language}; the codes programs rely on never change.
 */
@StewardTest
class ApiErrorLanguagesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de-DE,de;q=0.9,en;q=0.5 | de | Nennen Sie die Person oder den Datensatz (Fall), der gesperrt werden soll.",
                "ja                      | ja | ホールドする本人またはレコード（案件）を指定してください。",
                "fr-FR,fr;q=0.9          | en | Name the subject or the record (case) to hold.",
                "en-GB                   | en | Name the subject or the record (case) to hold.",
                "''                      | en | Name the subject or the record (case) to hold."
            })
    void aRefusedRequestIsWordedInTheCallersLanguageWithTheSameCodes(
            String acceptLanguage, String language, String subjectMessage) {
        HttpResponse<String> refused =
                new Http(port).postJson("/api/v1/admin/holds", "{}", headers(acceptLanguage, true));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Language")).hasValue(language);
        JsonNode errors = Json.read(refused.body()).get("errors");
        assertThat(Json.rows(errors, "field", "code")).contains("subject | required", "reason | required");
        assertThat(messageOf(errors, "subject")).isEqualTo(subjectMessage);
    }

    /** Refusals made before any controller (the security filters) are worded the same way. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de    | de | Melden Sie sich mit HTTP Basic an (Team) oder senden Sie einen API-Schlüssel als Bearer-Token.",
                "ja    | ja | HTTP Basic でサインインする（スタッフ）か、API キーを Bearer トークンとして送信してください。",
                "fr    | en | Sign in with HTTP Basic (staff) or send an API key as a bearer token."
            })
    void anUnauthenticatedCallIsToldInItsLanguage(String acceptLanguage, String language, String message) {
        HttpResponse<String> refused = new Http(port).get("/api/v1/admin/holds", headers(acceptLanguage, false));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Language")).hasValue(language);
        JsonNode error = Json.read(refused.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("not-authenticated");
        assertThat(error.get("message").asString()).isEqualTo(message);
    }

    private static String[] headers(String acceptLanguage, boolean signedIn) {
        List<String> headers = new ArrayList<>();
        if (!acceptLanguage.isBlank()) {
            headers.addAll(List.of("Accept-Language", acceptLanguage));
        }
        if (signedIn) {
            headers.addAll(List.of(Http.basic("admin", StewardTest.ADMIN_PASSWORD)));
        }
        return headers.toArray(String[]::new);
    }

    private static String messageOf(JsonNode errors, String field) {
        for (JsonNode error : errors) {
            if (field.equals(error.get("field").asString())) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + errors);
    }
}
