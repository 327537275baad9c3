package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The decision path's key check: a known prefix with anything but its own secret is refused, every call. */
@StewardTest
class ConsentDecisionGuardsTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aKnownPrefixWithAnyOtherSecretIsRefused() {
        String token = createKey("{\"name\":\"guessed\",\"sites\":[\"lab\"]}");
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        assertThat(http.get(path, bearer(token)).statusCode()).isEqualTo(200);
        String last = token.substring(token.length() - 1);
        String wrongLast = token.substring(0, token.length() - 1) + (last.equals("a") ? "b" : "a");
        for (String guess : List.of(
                wrongLast,
                token.substring(0, token.length() - 1),
                token + "a",
                token + "é",
                token + "a".repeat(200),
                token.substring(0, token.lastIndexOf('_') + 1))) {
            assertThat(http.get(path, bearer(guess)).statusCode()).as(guess).isEqualTo(401);
        }
        assertThat(http.get(path, bearer(token)).statusCode())
                .as("the key itself still works after the guesses")
                .isEqualTo(200);
    }

    private String createKey(String json) {
        HttpResponse<String> created =
                http.postJson("/api/v1/admin/api-keys", json, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
