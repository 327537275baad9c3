package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.AccessRequests;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every cell of the permission matrix, from the outside: each address of the console, the staff API, the
 * integrators' API and the actuator, asked by nobody, by integrator keys (of every site, and of the other site), by a
 * metrics key, and by each staff role of every site and limited to the other site. The expected answers are written
 * by hand in {@code permission-matrix.txt}, not derived from {@link Permission}, so that a change to the matrix shows
 * up as a failing cell.
 *
 * <p>The data lives on Olympus; "@o" members and keys are limited to Omron. Writes are aimed where an allowed
 * caller gets a refusal of the business rules (a closed case, a finished request: 422), or a harmless change, so
 * that every cell can be asked in any order: 401 or a redirect to the sign-in page is "who are you?", 403 is "not
 * your role", 404 is "not your site", anything else means the handler ran. Where a site or record is a parameter
 * rather than the address (statistics, a hold's record), another site's answers as an unknown one does: 422.
 */
@StewardTest
@TestPropertySource(properties = "steward.test.context=permission-matrix") // a context of its own: it sweeps
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

    /** Columns, in the order of the table. */
    enum Who {
        ANONYMOUS,
        INTEGRATOR,
        INTEGRATOR_OMRON,
        METRICS,
        ADMIN,
        PRIVACY_OFFICER,
        SUPPORT_AGENT,
        AUDITOR,
        ADMIN_OMRON,
        PRIVACY_OFFICER_OMRON,
        SUPPORT_AGENT_OMRON,
        AUDITOR_OMRON
    }

    /** The expected answers, one address a line: {@code src/test/resources/permission-matrix.txt}. */
    static final String EXPECTED = "/permission-matrix.txt";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    final Map<String, String> fixtures = new LinkedHashMap<>();
    final Map<Who, Caller> callers = new LinkedHashMap<>();

    /** How one column asks: with headers on the APIs, through a browser session on the console. */
    record Caller(String[] headers, Http browser, String csrf, boolean staff) {}

    @BeforeAll
    void fixtures() {
        Http http = new Http(port);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        Filled open = submitted(http, SeedForms.olympusContact());
        Filled closed = submitted(http, SeedForms.olympusContact());
        JsonCase openCase = caseOf(http, open, admin);
        JsonCase closedCase = caseOf(http, closed, admin);
        assertThat(http.postJson("/api/v1/admin/inquiries/" + closedCase.id() + "/close", "{}", admin)
                        .statusCode())
                .isEqualTo(200);
        fixtures.put("case", openCase.id());
        fixtures.put("closedCase", closedCase.id());
        fixtures.put("subject", openCase.subject());
        fixtures.put("record", openCase.record());
        fixtures.put("request", AccessRequests.received(port, open.email()));
        String done = AccessRequests.received(port, closed.email());
        assertThat(http.postJson("/api/v1/admin/requests/" + done + "/deny", "{\"reason\":\"no\"}", admin)
                        .statusCode())
                .isEqualTo(200);
        fixtures.put("doneRequest", done);
        fixtures.put("releasedHold", releasedHold(http, closedCase.record(), admin));
        fixtures.put("member", StaffUsers.add(port, "AUDITOR", null));
        fixtures.put("cancelledCampaign", cancelledCampaign(http, admin));
        fixtures.put("random", UUID.randomUUID().toString());
        fixtures.put("site", SeedForms.OLYMPUS);

        callers.put(Who.ANONYMOUS, visitor(new String[0]));
        callers.put(Who.INTEGRATOR, visitor(bearer(http, admin, "{\"name\":\"m1\",\"kind\":\"integrator\"}")));
        callers.put(
                Who.INTEGRATOR_OMRON,
                visitor(bearer(
                        http, admin, "{\"name\":\"m2\",\"kind\":\"integrator\",\"sites\":[\"omron-healthcare\"]}")));
        callers.put(Who.METRICS, visitor(bearer(http, admin, "{\"name\":\"m3\",\"kind\":\"metrics\"}")));
        for (Who who : Who.values()) {
            if (who.ordinal() >= Who.ADMIN.ordinal()) {
                callers.put(who, member(who));
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCellAnswersAsTheMatrixSays() {
        return rows().stream()
                .map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path(), () -> {
                    Map<Who, Integer> answered = new LinkedHashMap<>();
                    for (Who who : Who.values()) {
                        answered.put(who, ask(row, callers.get(who)));
                    }
                    assertThat(answered).as(row.method() + " " + row.path()).isEqualTo(row.expected());
                }));
    }

    /** The table names every handler of the console, the staff API and the integrators' API, so no cell is left. */
    @Test
    void theTableCoversEveryGuardedAddress() {
        Set<String> mapped = new TreeSet<>();
        handlers.getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/admin")
                                || pattern.startsWith("/api/v1/admin")
                                || pattern.startsWith("/api/v1/consent-"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(verb -> mapped.add(verb + " "
                                        + PLACEHOLDER.matcher(pattern).replaceAll("{}")))));
        Set<String> tabled = rows().stream()
                .map(row -> row.method() + " "
                        + PLACEHOLDER.matcher(row.path().split("\\?")[0]).replaceAll("{}"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(tabled).containsAll(mapped);
    }

    record Row(String method, String path, String body, Map<Who, Integer> expected) {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : expected().strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] halves = line.split("\\|", 2);
            String[] request = halves[0].strip().split("\\s+", 3);
            int[] statuses = Arrays.stream(halves[1].replace("|", " ").strip().split("\\s+"))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            assertThat(statuses).as(line).hasSize(Who.values().length);
            Map<Who, Integer> expected = new LinkedHashMap<>();
            for (Who who : Who.values()) {
                expected.put(who, statuses[who.ordinal()]);
            }
            rows.add(new Row(request[0], request[1], request.length > 2 ? request[2] : "", expected));
        }
        return rows;
    }

    private static String expected() {
        try (var in = PermissionMatrixTest.class.getResourceAsStream(EXPECTED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int ask(Row row, Caller caller) {
        String path = filled(row.path());
        String body = filled(row.body());
        HttpResponse<String> answer;
        if (path.startsWith("/admin")) {
            answer = row.method().equals("GET")
                    ? caller.browser().get(path)
                    : caller.browser().postForm(path, formFields(body, caller.csrf()));
        } else {
            answer = switch (row.method()) {
                case "GET" -> caller.browser().get(path, caller.headers());
                case "DELETE" -> caller.browser().send("DELETE", path, caller.headers());
                case "PATCH", "PUT" -> caller.browser().sendJson(row.method(), path, body, caller.headers());
                default -> caller.browser().postJson(path, body.isEmpty() ? "{}" : body, caller.headers());
            };
        }
        if (answer.statusCode() == 302) {
            // the sign-in page and a console action's own redirect are told apart by where they lead
            String location = answer.headers().firstValue("Location").orElse("");
            boolean toSignIn = location.endsWith("/login");
            assertThat(toSignIn)
                    .as("%s %s leads to %s", row.method(), path, location)
                    .isEqualTo(!caller.staff());
        }
        return answer.statusCode();
    }

    private static List<Map.Entry<String, String>> formFields(String body, String csrf) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                String[] nameValue = pair.split("=", 2);
                fields.add(Map.entry(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8)));
            }
        }
        fields.add(Map.entry("_csrf", csrf));
        return fields;
    }

    private String filled(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(found -> Optional.ofNullable(fixtures.get(found.group(1)))
                .orElseThrow(() -> new IllegalStateException("no fixture " + found.group(1))));
    }

    /** A caller who is not a member of staff: signed in nowhere, with a session and CSRF token as any browser gets. */
    private Caller visitor(String[] headers) {
        Http browser = new Http(port);
        return new Caller(headers, browser, Console.csrf(browser.get("/login").body()), false);
    }

    private Caller member(Who who) {
        String role = who.name().replace("_OMRON", "");
        String username = StaffUsers.add(port, role, who.name().endsWith("_OMRON") ? SeedForms.OMRON : null);
        Console console = Console.signIn(port, username, StaffUsers.PASSWORD);
        return new Caller(
                StaffUsers.basic(username),
                console.http(),
                Console.csrf(console.get("/admin").body()),
                true);
    }

    private static String[] bearer(Http http, String[] admin, String json) {
        HttpResponse<String> created = http.postJson("/api/v1/admin/api-keys", json, admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new String[] {
            "Authorization", "Bearer " + Json.read(created.body()).get("token").asString()
        };
    }

    private static Filled submitted(Http http, Filled form) {
        HttpResponse<String> answer = http.postJson(form.apiPath(), form.json());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return form;
    }

    record JsonCase(String id, String subject, String record) {}

    /** The case the inquiries module opened for the form's sender, once it did. */
    private static JsonCase caseOf(Http http, Filled form, String[] admin) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> findCase(http, form, admin), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<JsonCase> findCase(Http http, Filled form, String[] admin) {
        for (var inquiry : Json.read(http.get("/api/v1/admin/inquiries?site=olympus-ims", admin)
                        .body())
                .get("cases")
                .valueStream()
                .toList()) {
            String id = inquiry.get("id").asString();
            String read = http.get("/api/v1/admin/inquiries/" + id, admin).body();
            if (read.contains(form.email())) {
                return Optional.of(new JsonCase(
                        id,
                        inquiry.get("subject").asString(),
                        inquiry.get("record").asString()));
            }
        }
        return Optional.empty();
    }

    /**
     * A campaign on Olympus's newsletter, cancelled before it went: every change to it is refused (422). Its test send
     * to staff is an Olympus message with HTML in the mailbox.
     */
    private String cancelledCampaign(Http http, String[] admin) {
        HttpResponse<String> created = http.postJson(
                "/api/v1/admin/campaigns",
                "{\"site\":\"olympus-ims\",\"list\":\"newsletter\",\"subjectLine\":\"News\",\"body\":\"Hello\"}",
                admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.read(created.body()).get("figures").get("id").asString();
        HttpResponse<String> tested =
                http.postJson("/api/v1/admin/campaigns/" + id + "/test", "{\"to\":\"matrix@olympus-ims.com\"}", admin);
        assertThat(tested.statusCode()).as(tested.body()).isEqualTo(202);
        fixtures.put("testMessage", Json.read(tested.body()).get("message").asString());
        assertThat(http.postJson("/api/v1/admin/campaigns/" + id + "/cancel", "{}", admin)
                        .statusCode())
                .isEqualTo(200);
        return id;
    }

    private static String releasedHold(Http http, String record, String[] admin) {
        HttpResponse<String> placed = http.postJson(
                "/api/v1/admin/holds",
                "{\"record\":\"" + record + "\",\"reason\":\"Case 0\",\"until\":\"2031-01-01\"}",
                admin);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = Json.read(placed.body()).get("id").asString();
        assertThat(http.postJson("/api/v1/admin/holds/" + id + "/release", "{\"reason\":\"done\"}", admin)
                        .statusCode())
                .isEqualTo(200);
        return id;
    }
}
