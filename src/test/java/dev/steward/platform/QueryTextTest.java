package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A query value that cannot be taken is refused by name, never a 500: a status that is not one, and a NUL in any text
 * parameter (PostgreSQL's text holds none), which is refused before anything, even a read's audit entry, is written.
 */
@StewardTest
@ExtendWith(OutputCaptureExtension.class)
class QueryTextTest {

    private static final String SUBJECT = "00000000-0000-4000-8000-000000000000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String[] admin;

    @BeforeEach
    void client() {
        http = new Http(port);
        admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }

    @Test
    void aStatusThatIsNotOneIsRefusedNamingTheStatusesThereAre() {
        for (String status : List.of("x", "", "true")) {
            HttpResponse<String> refused = http.get("/api/v1/admin/requests?status=" + status, admin);

            assertThat(refused.statusCode()).as(status).isEqualTo(422);
            assertThat(refused.body())
                    .contains("{\"field\":\"status\",\"code\":\"invalid-option\"")
                    .contains("awaiting-verification, received, completed, denied, expired");
        }
        assertThat(http.get("/api/v1/admin/requests?status=received", admin).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aNulInAQueryParameterIsRefusedOnThatParameterAndNothingIsWritten() {
        long audited = audited();
        List<String> refusals = List.of(
                "/api/v1/admin/mailbox?site=%00",
                "/api/v1/admin/mailbox?to=a@example.org&reason=checking%00",
                "/api/v1/admin/campaigns?site=%00",
                "/api/v1/admin/cookie-scans?site=%00",
                "/api/v1/admin/cookie-choices?site=lab%00",
                "/api/v1/admin/subjects/" + SUBJECT + "/consents?reason=%00",
                "/api/v1/admin/subjects/" + SUBJECT + "/disclosures?reason=%00",
                "/api/v1/admin/subjects/" + SUBJECT + "/retention-blockers?reason=%00");
        for (String path : refusals) {
            HttpResponse<String> refused = http.get(path, admin);

            String field = path.substring(path.lastIndexOf('&') > 0 ? path.lastIndexOf('&') + 1 : path.indexOf('?') + 1)
                    .split("=")[0];
            assertThat(refused.statusCode()).as(path).isEqualTo(422);
            assertThat(refused.body()).as(path).contains("{\"field\":\"" + field + "\",\"code\":\"invalid-text\"");
        }
        assertThat(audited()).as("no read was audited").isEqualTo(audited);
    }

    @Test
    void aNulInAJsonStringIsRefusedOnItsFieldAsALoneSurrogateIs() {
        long keys = jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single();

        HttpResponse<String> refused =
                http.postJson("/api/v1/admin/api-keys", "{\"name\":\"a\\u0000b\",\"kind\":\"integrator\"}", admin);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("{\"field\":\"name\",\"code\":\"invalid-text\"");
        assertThat(jdbc.sql("SELECT count(*) FROM api_key").query(Long.class).single())
                .isEqualTo(keys);
    }

    @Test
    void aPageAskedWithANulInItsQueryAnswersThePageForABadRequest() {
        HttpResponse<String> page = http.get("/s/olympus-ims/privacy?region=%00", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html").doesNotContain("Something went wrong");
    }

    /**
     * attack16: Tomcat threw on the first read of a parameter it could not decode, and the failure was logged as an
     * ERROR quoting the value, so anyone could write into the log, an e-mail address in a broken link included.
     */
    @Test
    void aQueryThatCannotBeDecodedIsRefusedOnItsParameterAndNotLogged(CapturedOutput output) {
        String email = Canary.email("undecodable");
        // %E0%A4 begins a three-byte UTF-8 character and stops: the escapes are sound, the bytes are not UTF-8
        HttpResponse<String> api = http.get("/api/v1/admin/mailbox?to=%E0%A4" + email, admin);
        HttpResponse<String> page = http.get("/s/olympus-ims/privacy?region=%E0%A4" + email, "Accept", "text/html");

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("{\"field\":\"to\",\"code\":\"invalid-encoding\"");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<html").doesNotContain("Something went wrong");
        assertThat(output.getAll()).doesNotContain(email);
        // what java.net.URI will not send, as a raw request: the request log's filter read site= with URLDecoder, which
        // threw on it, so a decision asked so was a 500
        assertThat(rawStatusLine("/api/v1/consent-decisions?site=%ZZ" + email + "&purpose=newsletter"))
                .startsWith("HTTP/1.1 400");
        assertThat(rawStatusLine("/s/olympus-ims/privacy?region=%ZZ" + email)).startsWith("HTTP/1.1 400");
        assertThat(output.getAll()).doesNotContain(email);
        assertThat(QueryText.undecodable("to=%ZZ" + email)).contains("to");
        assertThat(QueryText.undecodable("a=1&%ZZ=2")).contains("");
        assertThat(QueryText.undecodable("to=50%")).contains("to");
        assertThat(QueryText.undecodable("to=a%40example.org&q=%E2%82%AC+x&flag"))
                .isEmpty();
    }

    /** The status line of a GET sent as written, escapes and all. */
    private String rawStatusLine(String target) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf('\r'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long audited() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }
}
