package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Inbox;
import dev.steward.test.LabCustomers;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestClock;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's front page says what needs attention, each a count linking to the list of exactly those, and only
 * what the staff member's role may open, counted over their sites.
 */
@StewardTest
class ConsoleAttentionTest {

    private static final Pattern ITEM =
            Pattern.compile("<a href=\"([^\"]+)\"><strong[^>]*>(\\d+)</strong>\\s*<span[^>]*>([^<]+)</span>");
    /** The lists the front page may point to, each at least once. */
    private static final String[] EVERY_ITEM = {
        "/admin/requests?due=overdue",
        "/admin/requests?due=soon",
        "/admin/requests#tasks",
        "/admin/identity",
        "/admin/notice-changes",
        "/admin/mailbox?status=failed",
        "/admin/retention",
        "/admin/holds"
    };

    private static final Pattern REQUEST_ROW = Pattern.compile("href=\"/admin/requests/[0-9a-f-]{36}\"");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    RecordDueTimes dueTimes;

    @Test
    void eachRoleSeesWhatItMayOpenAndEveryLinkOpensForIt() {
        assertThat(items("admin", StewardTest.ADMIN_PASSWORD).keySet()).containsExactlyInAnyOrder(EVERY_ITEM);
        assertThat(itemsOf("PRIVACY_OFFICER", null).keySet()).containsExactlyInAnyOrder(EVERY_ITEM);
        assertThat(itemsOf("SUPPORT_AGENT", null).keySet())
                .containsExactlyInAnyOrder("/admin/mailbox?status=failed", "/admin/retention");
        assertThat(itemsOf("AUDITOR", null).keySet())
                .containsExactlyInAnyOrder("/admin/notice-changes", "/admin/retention", "/admin/holds");

        for (String role : new String[] {"PRIVACY_OFFICER", "SUPPORT_AGENT", "AUDITOR"}) {
            String member = StaffUsers.create(jdbc, role, null);
            Console console = Console.signIn(port, member, StaffUsers.PASSWORD);
            for (String link : items(console).keySet()) {
                assertThat(console.get(link).statusCode())
                        .as(role + " opens " + link)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void overdueRequestsAreCountedOverTheMembersSitesAndTheLinkListsExactlyThem() {
        submitVerified("attention-overdue");
        clock.advance(Duration.ofDays(40));

        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        long overdue = items(admin).get("/admin/requests?due=overdue");
        assertThat(overdue).isPositive();
        assertThat(rows(admin, "/admin/requests?due=overdue")).isEqualTo(overdue);
        assertThat(rows(admin, "/admin/requests?due=soon"))
                .isEqualTo(items(admin).get("/admin/requests?due=soon"));

        Console omron = Console.signIn(
                port, StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare"), StaffUsers.PASSWORD);
        long omronOverdue = items(omron).get("/admin/requests?due=overdue");
        assertThat(rows(omron, "/admin/requests?due=overdue")).isEqualTo(omronOverdue);
        assertThat(omronOverdue).as("the lab's request is not theirs").isLessThan(overdue);
        assertThat(admin.get("/admin").body()).contains("rights requests past their deadline");
    }

    @Test
    void recordsPastTheirRetentionPeriodAreCountedAsTheSweepsBacklogOrAsHeld() {
        Console admin = Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
        Map<String, Long> before = items(admin);
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("attention-overdue-record")));
        RecordId record = labTrial(subject, Canary.email("attention-overdue-record"));
        // due within the sweep's interval and its hour of slack: not yet late
        dueTimes.changeState(record, RecordState.CLOSED, clock.instant().minus(Duration.ofMinutes(30)));
        assertThat(items(admin)).isEqualTo(before);

        dueTimes.changeState(record, RecordState.CLOSED, clock.instant().minus(Duration.ofHours(2)));
        assertThat(items(admin).get("/admin/retention")).isEqualTo(before.get("/admin/retention") + 1);
        Console omron = Console.signIn(
                port, StaffUsers.create(jdbc, "PRIVACY_OFFICER", "omron-healthcare"), StaffUsers.PASSWORD);
        assertThat(items(omron).get("/admin/retention"))
                .as("the lab's record is not theirs")
                .isZero();

        HttpResponse<String> hold = new Http(port)
                .postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + subject.value() + "\",\"reason\":\"Case 2026-41\",\"until\":\""
                                + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                        .plusDays(30) + "\"}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        Map<String, Long> held = items(admin);
        assertThat(held.get("/admin/retention")).isEqualTo(before.get("/admin/retention"));
        assertThat(held.get("/admin/holds")).isEqualTo(before.get("/admin/holds") + 1);
        assertThat(admin.get("/admin").body()).contains("records past their retention period kept by a legal hold");
    }

    /**
     * attack22: a member of one site counted, under "kept by a legal hold", their site's records that a hold on the
     * whole person kept, a hold of every site that their list of holds does not show them (another site's matter). The
     * count follows the list: the holds the member sees.
     */
    @Test
    void aMemberOfOneSiteCountsOnlyWhatTheHoldsTheySeeKeep() {
        Console lab = Console.signIn(port, StaffUsers.create(jdbc, "PRIVACY_OFFICER", "lab"), StaffUsers.PASSWORD);
        Map<String, Long> before = items(lab);
        String email = Canary.email("attention-held-elsewhere");
        SubjectId subject = identities.forAddress(Identifier.email(email));
        RecordId record = labTrial(subject, email);
        dueTimes.changeState(record, RecordState.CLOSED, clock.instant().minus(Duration.ofHours(2)));
        String until = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(30)
                .toString();
        HttpResponse<String> everySite = new Http(port)
                .postJson(
                        "/api/v1/admin/holds",
                        "{\"subject\":\"" + subject.value() + "\",\"reason\":\"Case 2026-77\",\"until\":\"" + until
                                + "\"}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));
        assertThat(everySite.statusCode()).as(everySite.body()).isEqualTo(201);

        assertThat(items(lab).get("/admin/holds"))
                .as("a hold the member's list does not show")
                .isEqualTo(before.get("/admin/holds"));
        assertThat(lab.get("/admin/holds").body()).doesNotContain("Case 2026-77");
        assertThat(items(lab).get("/admin/retention"))
                .as("nor is the held record the sweep's backlog")
                .isEqualTo(before.get("/admin/retention"));

        HttpResponse<String> own = lab.submit(
                "/admin/holds",
                "/admin/holds",
                Map.of("record", record.value().toString(), "reason", "Case 2026-78", "until", until));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(302);
        assertThat(items(lab).get("/admin/holds")).isEqualTo(before.get("/admin/holds") + 1);
        assertThat(lab.get("/admin/holds").body()).contains("Case 2026-78");
    }

    /** A record of the lab's trial activity, kept by the vault as a form would keep it. */
    private RecordId labTrial(SubjectId subject, String email) {
        return vault.store(subject, LabCustomers.trial(Map.of("email", email)));
    }

    private void submitVerified(String who) {
        Http http = new Http(port);
        String email = Canary.email(who);
        assertThat(http.postJson(
                                "/api/v1/sites/lab/requests",
                                "{\"type\":\"access\",\"email\":\"" + email + "\",\"region\":\"EU\"}")
                        .statusCode())
                .isEqualTo(202);
        String token = new Inbox(port).find(email, "verify\\?token=([\\w-]+)");
        assertThat(http.postJson("/api/v1/sites/lab/requests/verification", "{\"token\":\"" + token + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private Map<String, Long> itemsOf(String role, @Nullable String site) {
        return items(StaffUsers.create(jdbc, role, site), StaffUsers.PASSWORD);
    }

    private Map<String, Long> items(String username, String password) {
        return items(Console.signIn(port, username, password));
    }

    /** The overview's attention items: each link with its count. */
    private static Map<String, Long> items(Console console) {
        Map<String, Long> items = new LinkedHashMap<>();
        ITEM.matcher(console.get("/admin").body())
                .results()
                .forEach(item -> items.put(item.group(1).replace("&amp;", "&"), Long.parseLong(item.group(2))));
        return items;
    }

    private static long rows(Console console, String list) {
        return REQUEST_ROW.matcher(console.get(list).body()).results().count();
    }
}
