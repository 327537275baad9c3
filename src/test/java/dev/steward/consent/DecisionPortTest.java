package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.InvalidSettingException;
import dev.steward.staff.ApiKeyGate;
import dev.steward.test.Canary;
import dev.steward.test.Http;
import dev.steward.test.StewardTest;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.LiveSubjects;
import dev.steward.vault.SubjectId;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.TestPropertySource;

/** The integrators' decision port: the decision, the same as on the main port; nothing else, and no body read. */
@StewardTest
@TestPropertySource(properties = {"steward.decisions.port=0", "steward.decisions.threads=2"})
class DecisionPortTest {

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    Identities identities;

    Http main;
    Http decisions;
    int decisionPort;

    @BeforeEach
    void clients() {
        main = new Http(port);
        Connector[] connectors = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getService()
                .findConnectors();
        assertThat(connectors).hasSize(2);
        decisionPort = Arrays.stream(connectors)
                .mapToInt(Connector::getLocalPort)
                .filter(local -> local != port)
                .findFirst()
                .orElseThrow();
        decisions = new Http(decisionPort);
    }

    @Test
    void theDecisionPortAnswersOnNio2() {
        // NIO2 answers a kept-alive connection's next request without the poller's hand-offs (bench/README.md)
        Connector there = Arrays.stream(((TomcatWebServer) context.getWebServer())
                        .getTomcat()
                        .getService()
                        .findConnectors())
                .filter(connector -> connector.getLocalPort() == decisionPort)
                .findFirst()
                .orElseThrow();
        assertThat(there.getProtocolHandler()).isInstanceOf(Http11Nio2Protocol.class);
        assertThat(String.valueOf(there.getProperty("socket.directBuffer"))).isEqualTo("true");
    }

    @Test
    void aDecisionCallsNoProxyOnItsWay() {
        // a call through a transactional service's proxy looks its interceptors up and reaches the target by
        // reflection, advised or not: the beans a decision calls on every answer are plain objects
        List<Object> everyAnswer = new ArrayList<>(List.of(
                context.getBean(ConsentDecisions.class),
                context.getBean(ConsentIndex.class),
                context.getBean(LiveSubjects.class),
                context.getBean(ApiKeyGate.class),
                context.getBean("knownApiKeys"),
                context.getBean("apiKeyRateLimit"),
                context.getBean(Catalogs.class),
                context.getBean(DecisionCounts.class)));
        everyAnswer.addAll(context.getBeansOfType(ProcessingVeto.class).values());
        assertThat(everyAnswer).hasSizeGreaterThan(8).noneMatch(AopUtils::isAopProxy);
    }

    @Test
    void theDecisionPortAnswersAsTheMainPortDoes() {
        String token = integratorKey();
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("port-decided")));
        ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withWording("Send me the monthly lab newsletter."));
        String path =
                "/api/v1/consent-decisions?site=lab&purpose=newsletter&at=2026-01-01T00:00:00Z&subject=" + subject;

        HttpResponse<String> there = decisions.get(path, Http.bearer(token));
        HttpResponse<String> here = main.get(path, Http.bearer(token));
        assertThat(there.statusCode()).isEqualTo(200);
        assertThat(there.body()).isEqualTo(here.body());

        assertThat(decisions.get(path, Http.bearer("stw_nothing_wrong")).statusCode())
                .isEqualTo(401);
        assertThat(decisions
                        .get(
                                "/api/v1/consent-decisions?site=olympus-ims&purpose=newsletter&subject=" + subject,
                                Http.bearer(token))
                        .statusCode())
                .isEqualTo(404);
        assertThat(decisions
                        .get("/api/v1/consent-decisions?site=lab", Http.bearer(token))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void forwardedHeadersCountThereByTheMainPortsRule() {
        String token = integratorKey();
        String path = "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=nobody@example.org";
        // the test talks from 127.0.0.1, a trusted proxy by default: a TLS proxy's word makes the call secure (HSTS)
        for (Http port : List.of(main, decisions)) {
            HttpResponse<String> secure =
                    port.get(path, "Authorization", "Bearer " + token, "X-Forwarded-Proto", "https");
            assertThat(secure.statusCode()).isEqualTo(200);
            assertThat(secure.headers().firstValue("Strict-Transport-Security")).isPresent();
            // one hop said http: not secure, on either port
            HttpResponse<String> mixed =
                    port.get(path, "Authorization", "Bearer " + token, "X-Forwarded-Proto", "https, http");
            assertThat(mixed.statusCode()).isEqualTo(200);
            assertThat(mixed.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(port.get(path, Http.bearer(token)).headers().firstValue("Strict-Transport-Security"))
                    .isEmpty();
        }
    }

    @Test
    void everythingElseIsRefusedThereAndStaysOnTheMainPort() {
        for (String path : new String[] {"/", "/actuator/health", "/api/v1/admin/api-keys", "/notice/lab"}) {
            HttpResponse<String> refused = decisions.get(path, Http.basic("admin", StewardTest.ADMIN_PASSWORD));
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).contains("\"code\":\"not-found\"");
        }
        // a decision without a key: the full stack's answers (HTTP Basic, 401) belong to the main port
        assertThat(decisions
                        .get("/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=x")
                        .statusCode())
                .isEqualTo(404);
        assertThat(main.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesAnnouncedThereHoldNoThread() throws Exception {
        String token = integratorKey();
        List<Socket> stalled = new ArrayList<>();
        try {
            // more stalled uploads than the pool has threads, to another address and to the decision itself with
            // its key: each is answered at once, none waits for its body
            String[] stalling = {
                "POST /api/v1/admin/api-keys HTTP/1.1\r\nContent-Length: 1000000\r\n",
                "GET /api/v1/consent-decisions?site=lab&purpose=newsletter&subject=x HTTP/1.1\r\n"
                        + "Authorization: Bearer " + token + "\r\nContent-Length: 1000000\r\n",
                "GET /api/v1/consent-decisions?site=lab&purpose=newsletter&subject=x HTTP/1.1\r\n"
                        + "Authorization: Bearer " + token + "\r\nTransfer-Encoding: chunked\r\n",
                "PUT /api/v1/consent-decisions HTTP/1.1\r\nContent-Length: 1000000\r\n"
            };
            for (String request : stalling) {
                Socket socket = new Socket("127.0.0.1", decisionPort);
                stalled.add(socket);
                socket.setSoTimeout(5_000);
                socket.getOutputStream()
                        .write((request + "Host: localhost\r\nContent-Type: application/json\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String head = head(socket.getInputStream());
                assertThat(head).startsWith("HTTP/1.1 404").containsIgnoringCase("connection: close");
            }
            assertThat(decisions
                            .get(
                                    "/api/v1/consent-decisions?site=lab&purpose=newsletter&subject=nobody@example.org",
                                    Http.bearer(token))
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** The status line and headers of an answer, read byte by byte up to the empty line. */
    private static String head(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void aPortOrPoolThatCannotBeUsedStopsTheStartWithTheSettingNamed() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        assertThat(DecisionConnector.addTo(factory, new MockEnvironment())).isNull();
        assertThatThrownBy(() -> DecisionConnector.addTo(
                        factory, new MockEnvironment().withProperty("steward.decisions.port", "eighty")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("STEWARD_DECISIONS_PORT (steward.decisions.port) must be a whole number from 0 to 65535,"
                        + " not 'eighty'");
        assertThatThrownBy(() -> DecisionConnector.addTo(
                        factory,
                        new MockEnvironment()
                                .withProperty("steward.decisions.port", "9090")
                                .withProperty("steward.decisions.threads", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("STEWARD_DECISIONS_THREADS (steward.decisions.threads) must be");
        assertThat(factory.getAdditionalConnectors()).isEmpty();
    }

    private String integratorKey() {
        HttpResponse<String> created = main.postJson(
                "/api/v1/admin/api-keys",
                "{\"name\":\"port shop\",\"kind\":\"integrator\",\"sites\":[\"lab\"]}",
                Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }
}
