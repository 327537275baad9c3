package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@StewardTest
class ConsoleTest {

    @LocalServerPort
    int port;

    @Test
    void aWrongPasswordDoesNotSignInAndAFormWithoutCsrfTokenIsRefused() {
        Http http = new Http(port);
        HttpResponse<String> wrong = http.postForm(
                "/login",
                Map.of(
                        "username",
                        "admin",
                        "password",
                        "wrong",
                        "_csrf",
                        Console.csrf(http.get("/login").body())));
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        HttpResponse<String> forged =
                new Http(port).postForm("/login", Map.of("username", "admin", "password", StewardTest.ADMIN_PASSWORD));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void staffSeeTheAuditTrailAndTheEvidenceChains() {
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        assertThat(console.get("/admin").body()).contains("Signed in as</span> <strong>admin</strong>");
        HttpResponse<String> started = console.submit("/admin/evidence", "/admin/evidence/verifications", Map.of());
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).containsPattern("/admin/evidence\\?(started|running)$"));
        String page = await().atMost(Duration.ofSeconds(30))
                .until(() -> console.get("/admin/evidence").body(), body -> body.contains("Every chain is intact."));
        assertThat(page)
                .containsPattern("Consent ledger</th>\\s*<td>\\d+</td>\\s*<td[^>]*>Intact</td>")
                .containsPattern("Audit trail</th>\\s*<td>\\d+</td>\\s*<td[^>]*>Intact</td>")
                .containsPattern("Erasure log</th>\\s*<td>\\d+</td>\\s*<td[^>]*>Intact</td>");
        assertThat(console.get("/admin/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorCreatesAKeyOnceVisibleAndRevokesIt() {
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        HttpResponse<String> created =
                console.submit("/admin/api-keys", "/admin/api-keys", Map.of("name", "console key", "sites", "lab"));

        assertThat(created.body())
                .contains("Key console key created")
                .containsPattern("<code>stw_[A-Za-z0-9]+_[A-Za-z0-9]+</code>");
        assertThat(console.get("/admin/api-keys").body()).doesNotContainPattern("stw_[A-Za-z0-9]+_[A-Za-z0-9]{20,}");
        HttpResponse<String> unnamed = console.submit("/admin/api-keys", "/admin/api-keys", Map.of("name", " "));
        assertThat(unnamed.statusCode()).isEqualTo(422);
        assertThat(unnamed.body()).contains("Give the key a name of 1 to 100 characters.");
    }
}
