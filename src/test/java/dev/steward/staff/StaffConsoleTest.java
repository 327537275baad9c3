package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Pages;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.session.SessionRegistry;

/** The staff pages of the console, and the console's sessions: sign-in, sign-out, time-out, CSRF. */
@StewardTest
class StaffConsoleTest {

    private static final String PASSWORD = "console-made-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRegistry sessions;

    @Autowired
    ApplicationContext context;

    @Test
    void anAdministratorAddsAMemberOnTheStaffPageWhoThenSignsIn() {
        Console admin = admin();
        String username = unique("officer");

        HttpResponse<String> added = admin.submit(
                "/admin/staff",
                "/admin/staff",
                List.of(
                        Map.entry("username", username),
                        Map.entry("password", PASSWORD),
                        Map.entry("roles", "PRIVACY_OFFICER"),
                        Map.entry("roles", "SUPPORT_AGENT"),
                        Map.entry("sites", "lab")));

        assertThat(added.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/staff").body();
        assertThat(page).contains("Staff member " + username + " added.");
        assertThat(Pages.rows(page)).contains(username + " Privacy officer, Support agent lab active");
        assertThat(page).doesNotContain("bcrypt").doesNotContain(PASSWORD);
        assertThat(Console.signIn(port, username, PASSWORD).get("/admin").body())
                .contains("Signed in as</span> <strong>" + username + "</strong>");
    }

    @Test
    void aRefusedNewMemberComesBackFilledInWithEachErrorTiedToItsField() {
        Console admin = admin();
        long before = members();

        HttpResponse<String> refused = admin.submit(
                "/admin/staff",
                "/admin/staff",
                List.of(
                        Map.entry("username", "Bad Name"),
                        Map.entry("password", "short"),
                        Map.entry("sites", "nowhere")));

        assertThat(refused.statusCode()).isEqualTo(422);
        String page = refused.body();
        assertThat(page)
                .contains("role=\"alert\"")
                .contains("aria-describedby=\"username-hint username-error\"")
                .contains("aria-describedby=\"password-hint password-error\"")
                .contains("id=\"roles\" aria-describedby=\"roles-error\"")
                .contains("id=\"sites\" aria-describedby=\"sites-hint sites-error\"")
                .contains("value=\"Bad Name\"")
                .doesNotContain("value=\"short\"");
        assertThat(Pages.textOf(page, "id=\"username-error\""))
                .startsWith("A user name has 3 to 50 lower-case letters");
        assertThat(Pages.textOf(page, "id=\"password-error\"")).isEqualTo("A password needs at least 12 characters.");
        assertThat(Pages.textOf(page, "id=\"roles-error\"")).isEqualTo("Choose at least one role.");
        assertThat(Pages.textOf(page, "id=\"sites-error\"")).startsWith("A site is unknown");
        assertThat(members()).isEqualTo(before);

        String taken = StaffUsers.add(port, "AUDITOR", null);
        HttpResponse<String> duplicate = admin.submit(
                "/admin/staff",
                "/admin/staff",
                List.of(Map.entry("username", taken), Map.entry("password", PASSWORD), Map.entry("roles", "AUDITOR")));
        assertThat(Pages.textOf(duplicate.body(), "id=\"username-error\""))
                .isEqualTo("This user name is taken; choose another.");
    }

    @Test
    void anAdministratorChangesAndDisablesAMemberOnTheMembersPage() {
        Console admin = admin();
        String username = StaffUsers.add(port, "SUPPORT_AGENT", "lab");
        String memberPage = "/admin/staff/" + username;
        assertThat(admin.get(memberPage).body())
                .contains("id=\"role-SUPPORT_AGENT\" value=\"SUPPORT_AGENT\" checked")
                .contains("id=\"site-lab\" value=\"lab\" checked");

        HttpResponse<String> refused = admin.submit(memberPage, memberPage, List.of(Map.entry("sites", "lab")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Pages.textOf(refused.body(), "id=\"roles-error\"")).isEqualTo("Choose at least one role.");

        HttpResponse<String> changed = admin.submit(
                memberPage,
                memberPage,
                List.of(Map.entry("roles", "AUDITOR"), Map.entry("disabled", "true"), Map.entry("password", "")));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(Pages.rows(admin.get("/admin/staff").body())).contains(username + " Auditor every site disabled");
        assertThat(Console.signInAnswer(port, username, StaffUsers.PASSWORD)).endsWith("/login?error");

        admin.submit(memberPage, memberPage, List.of(Map.entry("roles", "AUDITOR")));
        assertThat(Console.signInAnswer(port, username, StaffUsers.PASSWORD))
                .as("enabled again")
                .endsWith("/admin");
    }

    @Test
    void onlyAdministratorsSeeTheStaffPagesAndEveryConsoleFormNeedsItsToken() {
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Console console = Console.signIn(port, agent, StaffUsers.PASSWORD);
        assertThat(console.get("/admin/staff").statusCode()).isEqualTo(403);
        assertThat(console.get("/admin/staff/admin").statusCode()).isEqualTo(403);

        long before = members();
        HttpResponse<String> forged = admin().http()
                .postForm("/admin/staff", Map.of("username", unique("forged"), "password", PASSWORD, "roles", "ADMIN"));
        HttpResponse<String> forgedChange = admin().http().postForm("/admin/staff/" + agent, Map.of("roles", "ADMIN"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forgedChange.statusCode()).isEqualTo(403);
        assertThat(members()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT roles FROM staff_user WHERE username = ?")
                        .param(agent)
                        .query(String.class)
                        .single())
                .isEqualTo("{SUPPORT_AGENT}");
    }

    @Test
    void unauthenticatedConsoleRequestsAreSentToTheSignInPage() {
        Http anonymous = new Http(port);
        for (String path : List.of(
                "/admin",
                "/admin/staff",
                "/admin/staff/admin",
                "/admin/inquiries",
                "/admin/inquiries/" + UUID.randomUUID(),
                "/admin/audit")) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location"))
                    .as(path)
                    .hasValue("http://localhost:" + port + "/login");
        }
    }

    @Test
    void signingOutEndsTheSession() {
        Console console = admin();

        HttpResponse<String> signedOut = console.submit("/admin", "/logout", Map.of());

        assertThat(signedOut.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
        assertThat(console.get("/login?logout").body()).contains("You are signed out.");
        assertThat(console.get("/admin").headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void aSessionTimesOutAfterThirtyMinutesWithoutActivity() throws Exception {
        String username = StaffUsers.add(port, "AUDITOR", null);
        Console console = Console.signIn(port, username, StaffUsers.PASSWORD);
        Session session = tomcatSession(username);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);

        session.setMaxInactiveInterval(1);
        Thread.sleep(2_100);
        HttpResponse<String> afterTimeout = console.get("/admin");

        assertThat(afterTimeout.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?timeout"));
        assertThat(console.get("/login?timeout").body())
                .contains("Your session ended after 30 minutes without activity.");
    }

    @Test
    void changingAMemberEndsTheirOpenSessionsAtOnce() {
        String username = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Console console = Console.signIn(port, username, StaffUsers.PASSWORD);
        assertThat(console.get("/admin").statusCode()).isEqualTo(200);

        new Http(port)
                .patchJson(
                        "/api/v1/admin/staff/" + username,
                        "{\"disabled\":true}",
                        Http.basic("admin", StewardTest.ADMIN_PASSWORD));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(console.get("/admin").headers().firstValue("Location"))
                        .hasValueSatisfying(to -> assertThat(to).endsWith("/login?ended")));
        assertThat(console.get("/login?ended").body()).contains("an administrator changed your account");
        assertThat(console.get("/admin").statusCode()).isEqualTo(302);
    }

    private Session tomcatSession(String username) throws IOException {
        String id = sessions.getAllPrincipals().stream()
                .filter(p ->
                        p instanceof StaffPrincipal staff && staff.username().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .findFirst()
                .orElseThrow()
                .getSessionId();
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context web = (Context) server.getTomcat().getHost().findChildren()[0];
        return web.getManager().findSession(id);
    }

    private Console admin() {
        return Console.signIn(port, "admin", StewardTest.ADMIN_PASSWORD);
    }

    private long members() {
        return jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
