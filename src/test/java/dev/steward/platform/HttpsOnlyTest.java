package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Production mode behind a TLS-terminating proxy on the same machine: with an https public address, nothing that
 * takes personal data is served over plain http, unless the trusted proxy, and only it, says the request came over
 * TLS.
 */
@StewardTest
@TestPropertySource(
        properties = {"steward.public-url=https://privacy.example.test", "steward.trusted-proxies=127.0.0.1"})
class HttpsOnlyTest {

    private static final String[] OVER_TLS = {"X-Forwarded-Proto", "https"};

    @LocalServerPort
    int port;

    /**
     * attack22: without SMTP the dev mailbox shows staff every visitor's links and codes as sent, to try Steward out; a
     * Steward in production mode (an https public address) started without SMTP so showed every support agent each real
     * visitor's verification code, password-reset link and access package, to act as them. There it withholds them.
     */
    @Test
    void inProductionModeTheMailboxWithoutSmtpWithholdsWhatIsMeantForTheRecipient() {
        Http http = new Http(port);
        String email = "production-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> filed = http.postJson(
                "/api/v1/sites/lab/requests",
                "{\"type\":\"access\",\"email\":\"" + email + "\",\"region\":\"EU\"}",
                OVER_TLS);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        String[] admin = {
            "Authorization", Http.basic("admin", StewardTest.ADMIN_PASSWORD)[1], "X-Forwarded-Proto", "https"
        };

        String mailbox = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(
                        () -> http.get("/api/v1/admin/mailbox?to=" + email, admin)
                                .body(),
                        body -> body.contains("verify"));
        assertThat(mailbox).contains("[withheld]").doesNotContainPattern("verify\\?token=[\\w-]{16}");
    }

    @Test
    void aPageOverPlainHttpMovesToTheSameAddressOnThePublicUrl() {
        Http http = new Http(port);

        HttpResponse<String> form = http.get("/s/olympus-ims/forms/contact?region=EU");
        HttpResponse<String> posted = http.postForm("/s/olympus-ims/forms/contact", Map.of("message", "Hello"));

        assertThat(form.statusCode()).isEqualTo(301);
        assertThat(form.headers().firstValue("Location"))
                .contains("https://privacy.example.test/s/olympus-ims/forms/contact?region=EU");
        assertThat(posted.statusCode())
                .as("what was posted in clear is not taken: the person fills the form again over TLS")
                .isEqualTo(303);
        assertThat(posted.headers().firstValue("Location"))
                .contains("https://privacy.example.test/s/olympus-ims/forms/contact");
        assertThat(http.get("/admin").headers().firstValue("Location")).contains("https://privacy.example.test/admin");
    }

    @Test
    void anApiCallOverPlainHttpIsRefusedInTheErrorShape() {
        Http http = new Http(port);

        HttpResponse<String> submitted =
                http.postJson("/api/v1/sites/lab/forms/contact/submissions", "{\"email\":\"someone@example.org\"}");

        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(submitted.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(submitted.body())
                .startsWith("{\"errors\":[{\"field\":null,\"code\":\"https-required\"")
                .contains("https://privacy.example.test")
                .doesNotContain("someone");
        assertThat(http.get("/api/v1/sites").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/health/readiness").statusCode())
                .as("probes stay on plain http for the orchestrator")
                .isEqualTo(200);
    }

    @Test
    void theTrustedProxySaysTheRequestCameOverTlsAndTheAnswerCarriesHstsAndSecureCookies() {
        Http http = new Http(port);

        HttpResponse<String> sites = http.get("/api/v1/sites", OVER_TLS);
        HttpResponse<String> login = http.get("/s/olympus-ims/account/login", OVER_TLS);

        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.headers().firstValue("Strict-Transport-Security")).contains(HttpsOnly.HSTS);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security")).contains(HttpsOnly.HSTS);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Secure")
                .contains("HttpOnly");
    }

    /** The decision path answered ahead of the filters keeps production mode too. */
    @Test
    void anIntegratorsDecisionCallOverPlainHttpIsRefusedToo() {
        Http http = new Http(port);
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=someone@example.org";
        String[] key = {"Authorization", "Bearer stw_nothing_wrong"};

        HttpResponse<String> plain = http.get(path, key);
        HttpResponse<String> overTls = http.get(path, key[0], key[1], OVER_TLS[0], OVER_TLS[1]);

        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.body()).contains("\"code\":\"https-required\"");
        assertThat(overTls.statusCode()).isEqualTo(401);
        assertThat(overTls.body()).contains("\"code\":\"invalid-api-key\"");
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).contains(HttpsOnly.HSTS);
    }

    @Test
    void xForwardedProtoFromAnyOtherAddressDoesNotCount() throws SocketException {
        Http stranger = new Http(otherAddressOfThisMachine(), port);

        HttpResponse<String> api = stranger.get("/api/v1/sites", OVER_TLS);
        HttpResponse<String> page = stranger.get("/s/olympus-ims/forms/contact", OVER_TLS);

        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("\"code\":\"https-required\"");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.statusCode()).isEqualTo(301);
    }

    /** An address of this machine that is not loopback, so that requests from it come from an untrusted proxy. */
    private static String otherAddressOfThisMachine() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("This test needs a network address besides loopback"));
    }
}
