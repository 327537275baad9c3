package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditEntry;
import dev.steward.audit.AuditTrail;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail reads back to its start, page by page, newest first whether filtered by subject or not; a page's
 * address names a position in the trail, so entries appended while someone pages do not shift what the next page
 * shows. Bad positions and sizes are refused by name.
 */
@StewardTest
class AuditTrailPagesTest {

    private static final String[] ADMIN = Http.basic("admin", StewardTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Test
    void aSubjectsEntriesReadNewestFirstToTheirStartAndNewEntriesDoNotShiftAPage() {
        UUID subject = UUID.randomUUID();
        List<String> reasons = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            reasons.add("ticket-" + i);
            audit.record(new AuditEntry("admin", "read-record", subject, "lab", List.of("email"), "ticket-" + i));
        }
        Http http = new Http(port);

        JsonNode first = read(http, "/api/v1/admin/audit?subject=" + subject + "&limit=2");
        assertThat(reasons(first)).containsExactly("ticket-5", "ticket-4");
        audit.record(new AuditEntry("admin", "read-record", subject, "lab", List.of("email"), "ticket-6"));
        JsonNode second = read(http, first.get("older").asString());
        assertThat(reasons(second))
                .as("the page after the first, not shifted by ticket-6")
                .containsExactly("ticket-3", "ticket-2");
        JsonNode last = read(http, second.get("older").asString());
        assertThat(reasons(last)).containsExactly("ticket-1");
        assertThat(last.get("older").isNull()).as("the subject's first entry").isTrue();

        JsonNode newest = read(http, "/api/v1/admin/audit?limit=3");
        List<Long> seqs = newest.get("entries")
                .valueStream()
                .map(e -> e.get("seq").asLong())
                .toList();
        assertThat(seqs)
                .as("unfiltered, newest first too")
                .hasSize(3)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(newest.get("older").asString()).isEqualTo("/api/v1/admin/audit?before=" + seqs.get(2) + "&limit=3");
    }

    @Test
    void theConsoleLinksTheOlderEntries() {
        UUID subject = UUID.randomUUID();
        for (int i = 0; i <= AuditTrailController.PAGE; i++) {
            audit.record(new AuditEntry("admin", "read-record", subject, "lab", List.of("email"), "t-" + i));
        }
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        String page = console.http().get("/admin/audit?subject=" + subject).body();
        assertThat(page).contains("t-" + AuditTrailController.PAGE).doesNotContain(">t-0<");
        assertThat(page)
                .as("the site by its name, as the other console pages name it; it showed its key")
                .contains("<td>Steward Lab</td>")
                .doesNotContain("<td>lab</td>");
        Matcher older = Pattern.compile("href=\"(/admin/audit\\?subject=[^\"]+before=\\d+)\"[^>]*>Older entries<")
                .matcher(page.replace("&amp;", "&"));
        assertThat(older.find()).as("a link to the older entries").isTrue();
        String next = console.http().get(older.group(1)).body();
        assertThat(next).contains(">t-0<").doesNotContain(">t-1<").doesNotContain("Older entries");
    }

    @Test
    void theConsoleWordsEveryFieldAnEntryNamesAndShowsNoKey() {
        UUID subject = UUID.randomUUID();
        audit.record(new AuditEntry(
                "admin", "read-mailbox", subject, "lab", List.of("mail.to", "mail.subject", "mail.body"), null));
        audit.record(new AuditEntry(
                "admin", "record-consent-on-behalf", subject, "lab", List.of("consent:newsletter:withdrawn"), "call"));
        audit.record(new AuditEntry("admin", "read-disclosures", subject, null, List.of("consent-evidence"), null));
        audit.record(new AuditEntry("admin", "read-record", subject, "lab", List.of("email", "name"), null));
        Console console = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);

        String page = console.http().get("/admin/audit?subject=" + subject).body();

        assertThat(page)
                .as("Steward's own names from the bundles, the catalog's fields by their labels; it showed the keys")
                .contains("<td>recipient, subject line, message</td>")
                .contains("<td>Monthly lab newsletter: Withdrawn</td>")
                .contains("<td>evidence of consents (IP address, browser)</td>")
                .contains("<td>E-mail, Name</td>")
                .doesNotContain("mail.to")
                .doesNotContain("consent:newsletter");
    }

    @Test
    void badPositionsAndSizesAreRefusedByName() {
        Http http = new Http(port);
        assertThat(codes(http.get("/api/v1/admin/audit?limit=0", ADMIN))).containsExactly("limit | out-of-range");
        assertThat(codes(http.get("/api/v1/admin/audit?limit=1001", ADMIN))).containsExactly("limit | out-of-range");
        assertThat(codes(http.get("/api/v1/admin/audit?before=0", ADMIN))).containsExactly("before | out-of-range");
        assertThat(http.get("/api/v1/admin/audit?before=soon", ADMIN).statusCode())
                .isBetween(400, 422);
    }

    private static JsonNode read(Http http, String path) {
        HttpResponse<String> answer = http.get(path, ADMIN);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.read(answer.body());
    }

    private static List<String> reasons(JsonNode page) {
        return page.get("entries")
                .valueStream()
                .map(e -> e.get("reason").asString())
                .toList();
    }

    private static List<String> codes(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        return Json.rows(Json.read(answer.body()).get("errors"), "field", "code");
    }
}
