package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.SelfSignedCertificate;
import dev.steward.test.StewardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Built-in TLS for an operator without a proxy: a PEM certificate and key (STEWARD_TLS_CERTIFICATE,
 * STEWARD_TLS_PRIVATE_KEY) become the server's SSL bundle; Steward then speaks TLS only, with HSTS and Secure cookies.
 */
@StewardTest
@TestPropertySource(
        properties = {
            "steward.public-url=https://localhost",
            "steward.tls.certificate=target/tls-test/certificate.pem",
            "steward.tls.private-key=target/tls-test/private-key.pem"
        })
class BuiltInTlsTest {

    /** Made when the class is initialised, before its application context reads the files. */
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.create(Path.of("target/tls-test"));

    @LocalServerPort
    int port;

    @Test
    void stewardServesOverItsOwnTlsWithHstsAndSecureCookies() throws Exception {
        HttpClient client = CERTIFICATE.client();

        HttpResponse<String> sites = get(client, "https://localhost:" + port + "/api/v1/sites");
        HttpResponse<String> login = get(client, "https://localhost:" + port + "/s/olympus-ims/account/login");

        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.body()).contains("olympus-ims");
        assertThat(sites.headers().firstValue("Strict-Transport-Security")).contains(HttpsOnly.HSTS);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
    }

    @Test
    void plainHttpGetsOnlyTomcatsRefusal() throws Exception {
        HttpResponse<String> plain = get(HttpClient.newHttpClient(), "http://localhost:" + port + "/api/v1/sites");

        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("olympus-ims").contains("TLS");
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
