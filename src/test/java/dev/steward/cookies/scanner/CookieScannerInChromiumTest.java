package dev.steward.cookies.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.steward.StewardApplication;
import dev.steward.cookies.scanner.LocalSite.Answer;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The cookie scanner in Debian's Chromium against sites the test serves itself on this machine: the scan lab's home
 * page sets an undeclared cookie before the visitor chose, its shop a declared one, and its pixel page loads an image
 * from another local port (another party); the report names exactly those, and the declared cookie no page sets. A
 * second site tries to lead the scanner astray: links, a sitemap and a redirect to another origin and to an internal
 * address, a resource on an internal address, a form that sends itself, and more pages than the limit.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieScannerInChromiumTest {

    static final byte[] GIF = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    static final LocalSite lab = new LocalSite();
    static final LocalSite pixels = new LocalSite();
    static final LocalSite astray = new LocalSite();
    static final LocalSite elsewhere = new LocalSite();

    /** The scan lab's catalog with its address where the test serves it, as the console scans the catalog's. */
    static final Path CATALOG = labCatalog();

    @DynamicPropertySource
    static void withTheScanLab(DynamicPropertyRegistry properties) {
        properties.add("steward.catalog", () -> StewardTest.CATALOGS + "," + CATALOG);
    }

    @LocalServerPort
    int port;

    @Autowired
    CookieScanner scanner;

    @Autowired
    ScanWords words;

    @Autowired
    ScanSchedules schedules;

    @Autowired
    TestClock clock;

    @BeforeAll
    void serveTheSites() {
        String banner = "<script src=\"http://localhost:" + port + "/s/scan-lab/consent.js\"></script>";
        lab.page(
                        "/",
                        Answer.html("<!DOCTYPE html><title>Scan Lab</title>" + banner
                                + "<script>document.cookie = '_ga=GA1.1.1; Max-Age=63072000; Path=/';</script>"
                                + "<a href=\"/shop\">Shop</a> <a href=\"/pixel#top\">Pixel</a>"))
                .page(
                        "/shop",
                        Answer.html("<!DOCTYPE html><title>Shop</title>" + banner + "<a href=\"/\">Home</a>")
                                .with("Set-Cookie", "lab_cart=1; Max-Age=3600; Path=/"))
                .page(
                        "/pixel",
                        Answer.html("<!DOCTYPE html><title>Pixel</title>" + banner + "<img alt=\"\" src=\""
                                + pixels.origin() + "/p.gif?visitor=42\">"))
                .page("/sitemap.xml", sitemap(lab.origin() + "/shop"));
        pixels.page("/p.gif", new Answer(200, Map.of(), "image/gif", GIF));

        String internal = "http://127.0.0.1:" + astray.port();
        astray.page(
                        "/",
                        Answer.html("<!DOCTYPE html><title>Astray</title>"
                                + link(elsewhere.origin() + "/linked") + link(internal + "/internal")
                                + link("http://[::1]:" + astray.port() + "/v6")
                                + link("http://169.254.169.254/latest/meta-data/")
                                + link("/form") + link("/redirect") + link("/four") + link("/five")
                                + "<img alt=\"\" src=\"http://127.0.0.1:" + elsewhere.port() + "/inside.gif\">"))
                .page(
                        "/form",
                        Answer.html("<!DOCTYPE html><title>Form</title><form method=\"post\" action=\"/submit\">"
                                + "<input name=\"email\" value=\"someone@example.org\"></form>"
                                + "<script>document.forms[0].submit();</script>"))
                .page(
                        "/redirect",
                        new Answer(
                                302,
                                Map.of("Location", "http://127.0.0.1:" + elsewhere.port() + "/redirected"),
                                "text/plain",
                                new byte[0]))
                .page("/four", Answer.html("<!DOCTYPE html><title>Four</title>"))
                .page("/five", Answer.html("<!DOCTYPE html><title>Five</title>"))
                .page("/sitemap.xml", sitemap(elsewhere.origin() + "/from-sitemap", internal + "/sitemap-internal"));
    }

    @AfterAll
    void stopTheSites() {
        List.of(lab, pixels, astray, elsewhere).forEach(LocalSite::close);
    }

    @Test
    void theReportNamesExactlyTheDeclaredCookieTheUndeclaredOneBeforeConsentAndTheThirdPartyPixel() {
        List<ScanProgress> progress = new ArrayList<>();
        ScanReport report = scanner.scan(scanner.target(ScanRequest.of("scan-lab", 10, null)), progress::add);

        String pixelHost = "localhost:" + pixels.port();
        assertThat(report.findings())
                .as(ScanReportText.of(report, words))
                .extracting(Finding -> Finding.kind(), Finding -> Finding.name(), CookieScannerInChromiumTest::codes)
                .containsExactlyInAnyOrder(
                        tuple("cookie", "_ga", List.of("undeclared", "before-consent", "after-refusal")),
                        tuple("host", pixelHost, List.of("undeclared")),
                        tuple("cookie", "lab_cart", List.of()),
                        tuple("cookie", "scan_consent", List.of()),
                        tuple("cookie", "lab_stats", List.of("never-seen")));
        assertThat(report.pages())
                .extracting(Crawl.VisitedPage::url)
                .containsExactly(lab.origin() + "/", lab.origin() + "/shop", lab.origin() + "/pixel");
        assertThat(report.violates()).isTrue();
        assertThat(report.violations()).isEqualTo(4);
        assertThat(report.problems()).isEmpty();
        assertThat(report.consentScript()).isEqualTo("http://localhost:" + port + "/s/scan-lab/consent.js");

        ScanReport.Finding ga = finding(report, "_ga");
        assertThat(ga.seen()).containsExactly(Moment.BEFORE_CHOICE, Moment.AFTER_REJECTING, Moment.AFTER_ACCEPTING);
        assertThat(ga.setBy()).isEqualTo("a script in the page " + lab.origin() + "/");
        assertThat(ga.lifetime())
                .as("set for two years; Chromium keeps no cookie longer")
                .isEqualTo("400 days");
        assertThat(ga.suggestion().platform()).isEqualTo("Google Analytics");
        assertThat(ga.suggestion().category()).isEqualTo("analytics");
        ScanReport.Finding cart = finding(report, "lab_cart");
        assertThat(cart.setBy()).isEqualTo("the response of " + lab.origin() + "/shop");
        assertThat(cart.firstPage()).isEqualTo(lab.origin() + "/shop");
        assertThat(cart.seen()).containsExactly(Moment.AFTER_REJECTING, Moment.AFTER_ACCEPTING);
        ScanReport.Finding pixel = finding(report, pixelHost);
        assertThat(pixel.types()).containsExactly("image");
        assertThat(pixel.firstPage()).isEqualTo(lab.origin() + "/pixel");

        assertThat(report.catalogSnippet())
                .contains("name: \"_ga\"", "category: analytics", "provider: \"Google\"", "duration: \"400 days\"")
                .contains("kind: web-beacon", "hosts: [\"" + pixelHost + "\"]")
                .doesNotContain("lab_cart", "visitor=42");
        assertThat(pixels.requests()).contains("GET /p.gif");
        assertThat(progress)
                .isNotEmpty()
                .last()
                .satisfies(last -> assertThat(last.pagesDone()).isEqualTo(6));
    }

    @Test
    void noOtherOriginNoInternalAddressNoFormAndNoMorePagesThanAsked() {
        ScanReport report = scanner.scan(
                scanner.target(new ScanRequest("scan-lab", 3, List.of(), null, astray.origin())), progress -> {});

        assertThat(report.pages())
                .extracting(Crawl.VisitedPage::url)
                .containsExactly(astray.origin() + "/", astray.origin() + "/form", astray.origin() + "/redirect");
        assertThat(report.pages().get(2).problem())
                .as("a redirect to an internal address")
                .isNotNull();
        assertThat(elsewhere.requests())
                .as("another origin and an internal address")
                .isEmpty();
        assertThat(astray.requests())
                .as("only the pages asked for, never through 127.0.0.1 or ::1, and no form sent")
                .isSubsetOf("GET /", "GET /form", "GET /redirect", "GET /sitemap.xml", "GET /favicon.ico");
        assertThat(report.problems()).extracting(Problem::code).contains("form-not-sent", "no-banner");
        ScanReport.Finding inside = finding(report, "127.0.0.1:" + elsewhere.port());
        assertThat(codes(inside)).contains("refused-address");
    }

    @Test
    void theCommandPrintsTheReportAsJsonAndExitsWithOneOnAViolation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = StewardApplication.command(
                new String[] {
                    "cookies",
                    "scan",
                    "--site",
                    "scan-lab",
                    "--base-url",
                    lab.origin(),
                    "--url",
                    lab.origin() + "/pixel",
                    "--pages",
                    "2",
                    "--format",
                    "json",
                    "--steward.catalog=" + CATALOG,
                    "--steward.outbound.allow-loopback=true",
                    "--steward.database.url=jdbc:postgresql://127.0.0.1:1/none"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        JsonNode report = Json.read(out.toString(StandardCharsets.UTF_8));
        assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(report.get("pages"))
                .extracting(page -> page.get("url").asString())
                .containsExactly(lab.origin() + "/", lab.origin() + "/pixel");
        assertThat(report.get("violations").asInt()).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("First visit, rejecting everything: " + lab.origin());
    }

    @Test
    void theTimeLimitEndsTheScanWithWhatItSawSoFar() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = StewardApplication.command(
                new String[] {
                    "cookies",
                    "scan",
                    "--site",
                    "scan-lab",
                    "--format",
                    "json",
                    "--steward.catalog=" + CATALOG,
                    "--steward.outbound.allow-loopback=true",
                    "--steward.cookies.scanner.time-limit=PT1S",
                    "--steward.database.url=jdbc:postgresql://127.0.0.1:1/none"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        JsonNode report = Json.read(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("problems"))
                .extracting(problem -> problem.get("code").asString())
                .contains("time-limit");
        assertThat(report.get("pages").size()).isLessThan(3);
        assertThat(exitCode).isEqualTo(report.get("violations").asInt() > 0 ? 1 : 0);
    }

    @Test
    void staffScanFromTheConsoleAndSetASchedule() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/cookie-scans").body()).contains("Scan Scan Lab now", "Not scanned on a schedule.");

        HttpResponse<String> started = admin.submit(
                "/admin/cookie-scans", "/admin/cookie-scans", Map.of("site", "scan-lab", "pages", "3", "region", "EU"));
        assertThat(started.statusCode()).isEqualTo(302);
        String scan =
                started.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/admin/cookie-scans/)", "$1");
        finished(admin, scan);
        String page = admin.get(scan).body();
        assertThat(page)
                .contains("Violations (2)", "cookie _ga", "host localhost:" + pixels.port(), "For the catalog")
                .contains("4 violations, 1 warning on 3 pages of " + lab.origin())
                .contains("Set before the visitor chose, but Statistics (as the Open Cookie Database counts it) needs"
                        + " consent first for a visitor in European Union.")
                .doesNotContain("BEFORE_CHOICE", "AFTER_REJECTING", "2026-03-02T");
        JsonNode report = Json.read(admin.get(scan + "/report.json").body());
        assertThat(report.get("violations").asInt()).isEqualTo(4);

        String auditor = StaffUsers.add(port, "AUDITOR", null);
        Console reader = Console.signIn(port, auditor, StaffUsers.PASSWORD);
        assertThat(reader.get("/admin/cookie-scans").body())
                .doesNotContain("Scan Scan Lab now")
                .contains("Finished");
        assertThat(reader.get(scan).statusCode()).isEqualTo(200);
        assertThat(reader.submit("/admin/cookie-scans", "/admin/cookie-scans", Map.of("site", "scan-lab"))
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> refused =
                admin.submit("/admin/cookie-scans", "/admin/cookie-scans", Map.of("site", "scan-lab", "pages", "201"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Scan between 1 and 200 pages.");

        HttpResponse<String> scheduled = admin.submit(
                "/admin/cookie-scans",
                "/admin/cookie-scans/schedule",
                Map.of("site", "scan-lab", "every", "P7D", "pages", "2", "region", "EU"));
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/cookie-scans").body())
                .contains("Scanned every week, 2 pages, as a visitor from European Union; next scan March 9, 2026");

        clock.set(StewardTest.START.plus(Duration.ofDays(8)));
        schedules.runDue();
        String byTheSchedule = await().atMost(Duration.ofSeconds(60))
                .until(() -> newestScanBy(admin, "the schedule"), Objects::nonNull);
        finished(admin, byTheSchedule);
        assertThat(admin.get("/admin/cookie-scans").body()).contains("next scan March 17, 2026");
    }

    @Test
    void theApiStartsOneScanOfASiteAtATimeAndAnswersItsReport() {
        Http http = new Http(port);
        String[] admin = Http.basic("admin", StewardTest.ADMIN_PASSWORD);
        String order = "{\"site\":\"scan-lab\",\"pages\":2,\"urls\":[\"" + lab.origin() + "/pixel\"]}";

        HttpResponse<String> started = http.postJson("/api/v1/admin/cookie-scans", order, admin);
        HttpResponse<String> again = http.postJson("/api/v1/admin/cookie-scans", order, admin);

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.read(again.body()).at("/errors/0/code").asString()).isEqualTo("scan-running");
        String scan = Json.read(started.body()).get("statusUrl").asString();
        JsonNode done = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> Json.read(http.get(scan, admin).body()),
                        answer -> answer.at("/scan/status").asString().equals("finished"));
        assertThat(done.at("/report/pages"))
                .extracting(page -> page.get("url").asString())
                .containsExactly(lab.origin() + "/", lab.origin() + "/pixel");
        assertThat(done.at("/report/violations").asInt()).isEqualTo(4);

        HttpResponse<String> elsewhere = http.postJson(
                "/api/v1/admin/cookie-scans",
                "{\"site\":\"scan-lab\",\"urls\":[\"http://127.0.0.1:" + lab.port() + "/\"]}",
                admin);
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(Json.read(elsewhere.body()).at("/errors/0/field").asString()).isEqualTo("urls");
    }

    @AfterEach
    void resetClock() {
        clock.set(StewardTest.START);
    }

    private static void finished(Console console, String scan) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !Json.read(console.get(scan + "/progress").body())
                        .get("running")
                        .asBoolean());
        assertThat(Json.read(console.get(scan + "/progress").body())
                        .get("status")
                        .asString())
                .isEqualTo("Finished");
    }

    /** The address of the newest scan of the lab the given starter began, from the console's list; null if none. */
    private static String newestScanBy(Console console, String starter) {
        Matcher row = Pattern.compile("<a href=\"(/admin/cookie-scans/[0-9a-f-]{36})\">[^<]*</a></th>\\s*<td>"
                        + Pattern.quote(starter) + "</td>")
                .matcher(console.get("/admin/cookie-scans").body());
        return row.find() ? row.group(1) : null;
    }

    private static Path labCatalog() {
        try {
            Path folder = Files.createTempDirectory("scan-lab");
            String catalog = new String(
                    CookieScannerInChromiumTest.class
                            .getResourceAsStream("/catalogs/scan-lab/catalog.yml")
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            Path file = folder.resolve("catalog.yml");
            Files.writeString(file, catalog.replace("https://scan-lab.example", lab.origin()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScanReport.Finding finding(ScanReport report, String name) {
        return report.findings().stream()
                .filter(finding -> finding.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(name + " is not in the report:\n" + ScanReportText.of(report, words)));
    }

    private static List<String> codes(ScanReport.Finding finding) {
        return finding.problems().stream().map(Problem::code).toList();
    }

    private static String link(String href) {
        return "<a href=\"" + href + "\">" + href + "</a> ";
    }

    private static Answer sitemap(String... urls) {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String url : urls) {
            xml.append("<url><loc>").append(url).append("</loc></url>");
        }
        return Answer.xml(xml.append("</urlset>").toString());
    }
}
