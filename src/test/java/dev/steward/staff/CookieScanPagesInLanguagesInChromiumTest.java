package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.catalog.Catalogs;
import dev.steward.cookies.scanner.Crawl.VisitedPage;
import dev.steward.cookies.scanner.Moment;
import dev.steward.cookies.scanner.Problem;
import dev.steward.cookies.scanner.Problem.Severity;
import dev.steward.cookies.scanner.ScanReport;
import dev.steward.cookies.scanner.ScanReport.Declared;
import dev.steward.cookies.scanner.ScanReport.Finding;
import dev.steward.cookies.scanner.ScanReport.Suggestion;
import dev.steward.test.Chromium;
import dev.steward.test.StewardTest;
import dev.steward.wording.MachineWords;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff reading the cookie scan pages in German or Japanese read every label, state, date and finding in that
 * language: the findings are stored as codes with their values and worded when the page is shown, categories and
 * regions by the catalog's labels. A finding stored before findings kept their values, and a failure stored as a
 * code, read in the staff member's language too.
 */
@StewardTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieScanPagesInLanguagesInChromiumTest {

    /** The scan pages' English words, none of which may be left on a German or Japanese page. */
    private static final List<String> ENGLISH = List.of(
            "Cookie scans",
            "Scan now",
            "Pages to visit",
            "Visitor from",
            "Latest scans",
            "Schedule",
            "Not scanned",
            "Finished",
            "Did not finish",
            "violations",
            "Violations",
            "Warnings",
            "Notes",
            "As the catalog declares",
            "Not in the catalog",
            "Open Cookie Database knows",
            "needs consent",
            "rejected everything",
            "Declared in the catalog",
            "seen on",
            "declared:",
            "known as",
            "before any choice",
            "Reject all",
            "set by",
            "third party",
            "domain ",
            "days",
            "months",
            "Pages visited",
            "HTTP status",
            "For the catalog",
            "Download the report",
            "stopped without finishing",
            "Sign out");

    private static final Instant STARTED = Instant.parse("2026-03-02T09:15:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Catalogs catalogs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @RegisterExtension
    final Chromium chromium = Chromium.perClass();

    MachineWords machine;

    @BeforeAll
    void words() {
        machine = MachineWords.of(catalogs);
    }

    @AfterAll
    void removeTheScans() {
        jdbc.sql("DELETE FROM cookie_scan WHERE started_by = 'language-test'").update();
    }

    @Test
    void germanStaffReadAScanAndItsFindingsInGerman() {
        UUID scan = finished("olympus-ims", "EU", olympusReport());
        failed("olympus-ims");
        ConsoleReading reading = ConsoleReading.signedIn(
                chromium, port, machine, ENGLISH, "de-DE,de;q=0.9", "Benutzername", "Passwort", "Anmelden");

        reading.read("/admin/cookie-scans", "de", "Cookie-Scans", "Letzte Scans");
        assertThat(reading.page().textContent("main"))
                .contains("Jetzt scannen", "Besucher aus", "2. März 2026")
                .contains("3 Verstöße, 1 Warnung")
                .contains("Der Scan endete, ohne fertig zu werden: sein Server wurde beendet.");

        reading.read("/admin/cookie-scans/" + scan, "de", "Cookie-Scan von Olympus IMS", "Verstöße (2)");
        assertThat(reading.page().textContent("main"))
                .contains("Gestartet am 2. März 2026")
                .contains("Nicht im Katalog: Kein Cookie und kein Web-Beacon dort gibt dieses Cookie an.")
                .contains("Die Open Cookie Database kennt es von Google Analytics (Google), als Nutzungsanalyse.")
                .contains("Gesetzt, bevor der Besucher entschieden hat, obwohl Nutzungsanalyse (nach der Open Cookie"
                        + " Database) bei einem Besucher aus")
                .contains("Hält 2 Jahre; der Katalog gibt 13 Monate an.")
                .contains("angegeben: Auswertung der Nutzung dieser Website")
                .contains("Drittanbieter", "vor jeder Entscheidung", "nach \u201eAlle ablehnen\u201c")
                .contains("gesetzt von einem Skript in der Seite")
                // stored before findings kept their values: worded from its code all the same
                .contains("Im Katalog angegeben, aber auf den besuchten Seiten nicht gesehen")
                .contains("antwortete mit HTTP-Status 404", "Besuchte Seiten", "Für den Katalog");
    }

    @Test
    void japaneseStaffReadAScanAndItsFindingsInJapanese() {
        UUID scan = finished("omron-healthcare", "US", omronReport());
        ConsoleReading reading =
                ConsoleReading.signedIn(chromium, port, machine, ENGLISH, "ja,en-US;q=0.7", "ユーザー名", "パスワード", "ログイン");

        reading.read("/admin/cookie-scans", "ja", "Cookie スキャン", "最近のスキャン");
        assertThat(reading.page().textContent("main")).contains("今すぐスキャン", "2026年3月2日", "違反 1 件、警告 1 件");

        reading.read("/admin/cookie-scans/" + scan, "ja", "Omronhealthcare.com の Cookie スキャン", "違反(1 件)");
        assertThat(reading.page().textContent("main"))
                .contains("カタログにありません: この Cookie を宣言している Cookie もウェブビーコンもありません。")
                .contains("Open Cookie Database では Google Analytics(Google)のアクセス解析として知られています。")
                .contains("訪問者がすべて拒否した後も存在しています(アクセス解析(Open Cookie Database の分類)を含む)。")
                .contains("400 日", "「すべて拒否」の後", "既知の情報: Google Analytics、Google、保存期間 2 年")
                .contains("画像", "訪問したページ", "完了");
    }

    private UUID finished(String site, String region, ScanReport report) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO cookie_scan (id, site, jurisdiction, page_limit, started_by, started_at, status,
                            step, pages_done, pages_planned, updated_at, finished_at, violations, warnings, report)
                        VALUES (:id, :site, :region, 2, 'language-test', :at, 'finished', 'done', 4, 4, :at, :at,
                            :violations, :warnings, :report::jsonb)
                        """)
                .param("id", id)
                .param("site", site)
                .param("region", region)
                .param("at", STARTED.atOffset(ZoneOffset.UTC))
                .param("violations", report.violations())
                .param("warnings", report.warnings())
                .param("report", json.writeValueAsString(report))
                .update();
        return id;
    }

    private void failed(String site) {
        jdbc.sql("""
                        INSERT INTO cookie_scan (id, site, jurisdiction, page_limit, started_by, started_at, status,
                            step, updated_at, finished_at, failure_code)
                        VALUES (:id, :site, 'EU', 2, 'language-test', :at, 'failed', 'rejecting', :at, :at,
                            'interrupted')
                        """)
                .param("id", UUID.randomUUID())
                .param("site", site)
                .param("at", STARTED.minusSeconds(86_400).atOffset(ZoneOffset.UTC))
                .update();
    }

    private static ScanReport olympusReport() {
        Finding ga = new Finding(
                "cookie",
                "_ga",
                ".olympus.example",
                "/",
                "400 days",
                400L * 86_400,
                false,
                "a script in the page https://www.olympus.example/",
                "https://www.olympus.example/",
                List.of(Moment.BEFORE_CHOICE, Moment.AFTER_REJECTING),
                List.of(),
                null,
                googleAnalytics(),
                List.of(
                        problem(Severity.VIOLATION, "undeclared", "cookie", "Google Analytics", "Google", "analytics"),
                        problem(Severity.VIOLATION, "before-consent", "analytics", "true", "EU")));
        Finding visits = new Finding(
                "cookie",
                "olympus_visits",
                "www.olympus.example",
                "/",
                "2 years",
                730L * 86_400,
                true,
                null,
                "https://www.olympus.example/",
                List.of(Moment.AFTER_ACCEPTING),
                List.of(),
                new Declared("traffic-analysis", "Olympus", "Traffic analysis", "13 months", "Examining the traffic"),
                null,
                List.of(problem(
                        Severity.VIOLATION, "longer-than-declared", String.valueOf(730L * 86_400), "13 months")));
        Finding unseen = new Finding(
                "cookie",
                "auth",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                new Declared("authentication", "Olympus", "Strictly necessary", null, "Providing"),
                null,
                List.of(new Problem(Severity.WARNING, "never-seen", "Declared in the catalog, but not seen.", null)));
        return report("olympus-ims", "EU", List.of(ga, visits, unseen), 3, 1);
    }

    private static ScanReport omronReport() {
        Finding ga = new Finding(
                "cookie",
                "_ga",
                ".omron.example",
                "/",
                "400 days",
                400L * 86_400,
                false,
                "the response of https://www.omron.example/",
                "https://www.omron.example/",
                List.of(Moment.AFTER_REJECTING),
                List.of(),
                null,
                googleAnalytics(),
                List.of(
                        problem(Severity.VIOLATION, "undeclared", "cookie", "Google Analytics", "Google", "analytics"),
                        problem(Severity.WARNING, "after-refusal", "analytics", "true")));
        Finding pixel = new Finding(
                "host",
                "pixel.example",
                null,
                null,
                null,
                null,
                true,
                null,
                "https://www.omron.example/",
                List.of(Moment.AFTER_ACCEPTING),
                List.of("image"),
                null,
                null,
                List.of());
        return report("omron-healthcare", "US", List.of(ga, pixel), 1, 1);
    }

    private static Suggestion googleAnalytics() {
        return new Suggestion(
                "Google Analytics", "Google", "analytics", "analytics", "2 years", "ID", "https://policies.google.com");
    }

    private static Problem problem(Severity severity, String code, String... args) {
        return new Problem(severity, code, "", List.of(args));
    }

    private static ScanReport report(String site, String region, List<Finding> findings, int violations, int warnings) {
        String base = site.startsWith("olympus") ? "https://www.olympus.example/" : "https://www.omron.example/";
        return new ScanReport(
                site,
                site,
                region,
                region,
                base,
                STARTED,
                STARTED.plusSeconds(60),
                null,
                List.of(
                        new VisitedPage(base, 200, null),
                        new VisitedPage(base + "gone", 404, "answered with HTTP status 404")),
                findings,
                List.of(),
                violations,
                warnings,
                "the Open Cookie Database",
                "");
    }
}
