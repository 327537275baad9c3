package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.MessageFrames;
import dev.steward.test.SeedForms;
import dev.steward.test.SeedForms.Filled;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every page of the demo, visitor pages and console alike, found by following links from the home page and the
 * console's front page, carries the Content-Security-Policy and the hardening headers, and holds nothing the policy
 * would refuse: no inline script, no event handler attribute, no inline style.
 */
@StewardTest
@TestPropertySource(properties = SecurityHeadersTest.CONSOLE_PAGES_CONTEXT)
class SecurityHeadersTest {

    /**
     * A context (and database) of its own for the tests that read every console page, shared by them. WHY: the pages
     * show what other tests left in a shared database; the mailbox showed the newest messages with their HTML, whose
     * inline styles (a campaign's) the policy refuses, and these tests failed whenever a newsletter test ran before
     * them. A message's HTML now has an address and a policy of its own, checked here as such.
     */
    static final String CONSOLE_PAGES_CONTEXT = "steward-test.context=console-pages";

    /** Written out here rather than read from the code, so that a weaker policy fails this test. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final Pattern FRAMED = Pattern.compile("/admin/(mailbox/[^/]+|campaigns/[^/]+/preview)\\.html.*");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style[\\s>]|javascript:",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void everyPageCarriesThePolicyAndNothingInline() {
        Http visitor = new Http(port);
        Filled ada = SeedForms.olympusContact();
        HttpResponse<String> sent = visitor.postJson(ada.apiPath(), ada.json());
        assertThat(sent.statusCode()).isEqualTo(201);
        String receipt = Json.read(sent.body()).get("receipts").get(0).asString();
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        List<String> visited = new ArrayList<>();
        visited.addAll(crawl(visitor, List.of("/", receipt, "/s/no-such-site/", "/login")));
        visited.addAll(crawl(admin.http(), List.of("/admin", "/admin/inquiries/" + UUID.randomUUID())));

        assertThat(visited)
                .as("pages found by following links")
                .hasSizeGreaterThan(40)
                .contains(
                        "/",
                        "/s/olympus-ims/privacy",
                        "/s/omron-healthcare/forms/account",
                        "/admin/staff",
                        "/admin/audit",
                        "/admin/retention",
                        "/login");
    }

    /** Visits the pages linked from the start pages, breadth first; answers the paths of the HTML pages checked. */
    private List<String> crawl(Http http, List<String> start) {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        List<String> pages = new ArrayList<>();
        while (!queue.isEmpty() && pages.size() < 400) {
            String path = queue.poll();
            HttpResponse<String> page = http.get(path);
            page.headers()
                    .firstValue("Location")
                    .map(location -> location.replaceFirst("^http://localhost:\\d+", ""))
                    .filter(location -> location.startsWith("/") && followable(location) && seen.add(location))
                    .ifPresent(queue::add);
            String type = page.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/html")) {
                continue;
            }
            pages.add(path);
            if (FRAMED.matcher(path).matches()) {
                // a message's HTML, which a console page frames: under its own policy, checked as such
                MessageFrames.assertFramed(page);
                continue;
            }
            assertHardened(path, page);
            Matcher links = LINK.matcher(page.body());
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                if (followable(link) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return pages;
    }

    private static void assertHardened(String path, HttpResponse<String> page) {
        Map<String, List<String>> headers = page.headers().map();
        assertThat(headers.get("content-security-policy")).as(path).containsExactly(POLICY);
        assertThat(headers.get("x-content-type-options")).as(path).containsExactly("nosniff");
        assertThat(headers.get("referrer-policy")).as(path).containsExactly("same-origin");
        assertThat(headers.get("x-frame-options")).as(path).containsExactly("DENY");
        assertThat(headers.get("permissions-policy")).as(path).isNotEmpty();
        assertThat(INLINE.matcher(page.body()).results().map(MatchResult::group))
                .as("inline script or style on %s", path)
                .isEmpty();
    }

    /** Pages only: no sign-out, no file, and no single-use link a visit would spend. */
    private static boolean followable(String link) {
        return !link.startsWith("//")
                && !link.equals("/logout")
                && !link.endsWith(".css")
                && !link.endsWith(".js")
                && !link.contains("/packages/")
                && !link.contains("/confirm/")
                && !link.contains("/verify")
                && !link.contains("/reset/")
                && !link.contains("/parental-consent/")
                && !link.startsWith("/swagger-ui")
                && !link.startsWith("/v3/api-docs");
    }
}
