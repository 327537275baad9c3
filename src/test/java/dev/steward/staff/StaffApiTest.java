package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Console;
import dev.steward.test.Http;
import dev.steward.test.Json;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/admin/staff}: administrators add, list and change staff; every bad input has its own error. */
@StewardTest
class StaffApiTest {

    private static final String PASSWORD = "a-long-enough-secret";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anAdministratorAddsAMemberWhoCanSignInAndIsListedWithoutAnyPasswordHash() {
        String username = unique("agent");

        HttpResponse<String> created = create("""
                {"username":"%s","password":"%s","roles":["support-agent","PRIVACY_OFFICER"],"sites":["lab"]}""".formatted(username, PASSWORD));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode member = Json.read(created.body());
        assertThat(member.get("username").asString()).isEqualTo(username);
        assertThat(member.get("roles").toString()).isEqualTo("[\"PRIVACY_OFFICER\",\"SUPPORT_AGENT\"]");
        assertThat(member.get("sites").toString()).isEqualTo("[\"lab\"]");
        assertThat(member.get("disabled").asBoolean()).isFalse();
        HttpResponse<String> listing = http.get("/api/v1/admin/staff", admin());
        assertThat(Json.rows(Json.read(listing.body()).get("staff"), "username"))
                .contains("admin", username);
        assertThat(listing.body() + created.body())
                .doesNotContain("bcrypt")
                .doesNotContain("$2a$")
                .doesNotContainIgnoringCase("password")
                .doesNotContain(PASSWORD);
        assertThat(signsIn(Http.basic(username, PASSWORD))).isTrue();
        assertThat(audit(username))
                .containsExactly(tuple(
                        "admin",
                        "create-staff",
                        "username, password, roles, sites",
                        "staff member " + username + ": roles Privacy officer, Support agent; sites lab; enabled"));
    }

    @Test
    void everyBadNewMemberIsRefusedWithItsOwnErrorAndNothingIsStored() {
        String taken = StaffUsers.add(port, "AUDITOR", null);
        long before = members();

        assertThat(errors(create("{\"password\":\"%s\",\"roles\":[\"AUDITOR\"]}".formatted(PASSWORD))))
                .containsExactly("username | required");
        assertThat(errors(create(member("Not Valid!", PASSWORD, "AUDITOR")))).containsExactly("username | invalid");
        assertThat(errors(create(member(taken, PASSWORD, "AUDITOR")))).containsExactly("username | taken");
        assertThat(errors(create(member("requester", PASSWORD, "AUDITOR"))))
                .as("the name a request's history and the audit trail give the requester")
                .containsExactly("username | reserved");
        assertThat(errors(create(member("steward", PASSWORD, "AUDITOR")))).containsExactly("username | reserved");
        assertThat(errors(create("{\"username\":\"%s\",\"roles\":[\"AUDITOR\"]}".formatted(unique("x")))))
                .containsExactly("password | required");
        assertThat(errors(create(member(unique("x"), "short-11ch", "AUDITOR"))))
                .containsExactly("password | too-short");
        assertThat(errors(create(member(unique("x"), "ü".repeat(40), "AUDITOR"))))
                .as("bcrypt reads 72 bytes; 40 umlauts are 80")
                .containsExactly("password | too-long");
        String same = unique("long-enough-name");
        assertThat(errors(create(member(same, same, "AUDITOR")))).containsExactly("password | same-as-username");
        assertThat(errors(create(member(unique("x"), PASSWORD)))).containsExactly("roles | required");
        assertThat(errors(create(member(unique("x"), PASSWORD, "SUPERUSER")))).containsExactly("roles | unknown-role");
        assertThat(errors(create(
                        "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[\"AUDITOR\"],\"sites\":[\"nowhere\"]}"
                                .formatted(unique("x"), PASSWORD))))
                .containsExactly("sites | unknown-site");
        assertThat(errors(create("{\"username\":\"%s\",\"password\":\"%s\",\"role\":[\"AUDITOR\"]}"
                        .formatted(unique("x"), PASSWORD))))
                .containsExactly("role | unknown-field");
        assertThat(errors(create("{\"username\":\"%s\",\"password\":\"%s\",\"roles\":\"AUDITOR\"}"
                        .formatted(unique("x"), PASSWORD))))
                .containsExactly("roles | invalid-type");
        assertThat(errors(create("[]"))).containsExactly(" | invalid");
        assertThat(
                        errors(
                                create(
                                        "{\"username\":\"Bad Name\",\"password\":\"short\",\"roles\":[\"X\"],\"sites\":[\"nowhere\"]}")))
                .as("every problem at once")
                .containsExactly(
                        "username | invalid", "password | too-short", "roles | unknown-role", "sites | unknown-site");
        assertThat(members()).isEqualTo(before);
    }

    @Test
    void anAdministratorChangesRolesSitesPasswordAndDisablesAMember() {
        String username = StaffUsers.add(port, "AUDITOR", null);

        HttpResponse<String> changed = patch(username, """
                {"roles":["SUPPORT_AGENT"],"sites":["omron-healthcare"]}""");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(Json.read(changed.body()).get("roles").toString()).isEqualTo("[\"SUPPORT_AGENT\"]");
        assertThat(Json.read(changed.body()).get("sites").toString()).isEqualTo("[\"omron-healthcare\"]");
        assertThat(http.get("/api/v1/admin/mailbox?site=olympus-ims", StaffUsers.basic(username))
                        .statusCode())
                .as("now scoped to Omron")
                .isEqualTo(404);

        assertThat(patch(username, "{\"disabled\":true}").statusCode()).isEqualTo(200);
        assertThat(signsIn(StaffUsers.basic(username)))
                .as("a disabled member cannot sign in")
                .isFalse();

        assertThat(patch(username, "{\"disabled\":false,\"password\":\"%s\"}".formatted(PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(signsIn(StaffUsers.basic(username))).as("the old password").isFalse();
        assertThat(signsIn(Http.basic(username, PASSWORD))).isTrue();
        assertThat(audit(username))
                .extracting(row -> row.toList().get(1) + " " + row.toList().get(2))
                .containsExactly(
                        "create-staff username, password, roles, sites",
                        "change-staff roles, sites",
                        "change-staff disabled",
                        "change-staff disabled, password");
    }

    @Test
    void aNewPasswordLiftsALockout() {
        String username = StaffUsers.add(port, "AUDITOR", null);
        for (int attempt = 0; attempt < StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            signsIn(Http.basic(username, "wrong-password-" + attempt));
            Console.signInAnswer(new Http(port), username, "wrong-password-" + attempt);
        }
        assertThat(signsIn(StaffUsers.basic(username)))
                .as("HTTP Basic from this source")
                .isFalse();
        assertThat(Console.signInAnswer(new Http(port), username, StaffUsers.PASSWORD))
                .as("the console, in a browser never trusted")
                .endsWith("/login?error");
        assertThat(Json.read(http.get("/api/v1/admin/staff", admin()).body())
                        .get("staff")
                        .valueStream()
                        .filter(m -> m.get("username").asString().equals(username))
                        .findFirst()
                        .orElseThrow()
                        .get("lockedUntil")
                        .isNull())
                .isFalse();

        patch(username, "{\"password\":\"%s\"}".formatted(PASSWORD));

        assertThat(signsIn(Http.basic(username, PASSWORD))).isTrue();
        assertThat(Console.signInAnswer(new Http(port), username, PASSWORD)).endsWith("/admin");
    }

    /**
     * One administrator sets a member's password while another disables the member: the password change, computed
     * from the row as it was, wrote it back whole and enabled the member again (attack19). Here the disabling holds
     * the row until the password change waits for it, then commits.
     */
    @Test
    void aPasswordSetWhileAnotherAdministratorDisablesTheMemberLeavesThemDisabled() throws Exception {
        String member = StaffUsers.add(port, "AUDITOR", null);
        try (Connection otherAdministrator = dataSource.getConnection()) {
            otherAdministrator.setAutoCommit(false);
            try (PreparedStatement disable =
                    otherAdministrator.prepareStatement("UPDATE staff_user SET disabled = true WHERE username = ?")) {
                disable.setString(1, member);
                disable.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> password =
                    CompletableFuture.supplyAsync(() -> patch(member, "{\"password\":\"another-long-enough-secret\"}"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("""
                                    SELECT count(*) FROM pg_stat_activity
                                    WHERE wait_event_type = 'Lock' AND query LIKE '%staff_user%'
                                    """).query(Long.class).single() > 0);
            otherAdministrator.commit();
            assertThat(password.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }

        assertThat(jdbc.sql("SELECT disabled FROM staff_user WHERE username = :u")
                        .param("u", member)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(signsIn(Http.basic(member, "another-long-enough-secret"))).isFalse();
    }

    @Test
    void everyBadChangeIsRefusedWithItsOwnErrorAndChangesNothing() {
        String username = StaffUsers.add(port, "SUPPORT_AGENT", "lab");

        assertThat(patch("nobody-" + UUID.randomUUID().toString().substring(0, 8), "{\"disabled\":true}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(errors(patch(username, "{}"))).containsExactly(" | nothing-to-change");
        assertThat(errors(patch(username, "{\"roles\":[]}"))).containsExactly("roles | required");
        assertThat(errors(patch(username, "{\"roles\":[\"OWNER\"]}"))).containsExactly("roles | unknown-role");
        assertThat(errors(patch(username, "{\"sites\":[\"lab\",\"nowhere\"]}")))
                .containsExactly("sites | unknown-site");
        assertThat(errors(patch(username, "{\"disabled\":\"yes\"}"))).containsExactly("disabled | invalid-type");
        assertThat(errors(patch(username, "{\"password\":\"too-short\"}"))).containsExactly("password | too-short");
        assertThat(errors(patch(username, "{\"username\":\"renamed\"}"))).containsExactly("username | unknown-field");

        JsonNode unchanged = Json.read(http.get("/api/v1/admin/staff", admin()).body())
                .get("staff")
                .valueStream()
                .filter(m -> m.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow();
        assertThat(unchanged.get("roles").toString()).isEqualTo("[\"SUPPORT_AGENT\"]");
        assertThat(unchanged.get("sites").toString()).isEqualTo("[\"lab\"]");
        assertThat(signsIn(StaffUsers.basic(username))).isTrue();
        assertThat(audit(username)).hasSize(1);
    }

    @Test
    void theLastAdministratorOfEverySiteCanNeitherBeDisabledNorLoseTheRoleNorBeScoped() {
        List<String> otherAdministrators = jdbc.sql("""
                        SELECT username FROM staff_user
                        WHERE 'ADMIN' = ANY (roles) AND NOT disabled AND cardinality(sites) = 0 AND username <> 'admin'
                        """).query(String.class).list();
        otherAdministrators.forEach(name -> patch(name, "{\"disabled\":true}"));
        try {
            assertThat(errors(patch("admin", "{\"disabled\":true}"))).containsExactly("disabled | last-administrator");
            assertThat(errors(patch("admin", "{\"roles\":[\"AUDITOR\"]}")))
                    .containsExactly("roles | last-administrator");
            assertThat(errors(patch("admin", "{\"sites\":[\"lab\"]}"))).containsExactly("sites | last-administrator");

            String second = unique("second-admin");
            create(member(second, PASSWORD, "ADMIN"));
            assertThat(patch("admin", "{\"sites\":[\"lab\"]}").statusCode())
                    .as("with a second administrator of every site")
                    .isEqualTo(200);
            assertThat(http.patchJson("/api/v1/admin/staff/admin", "{\"sites\":[]}", Http.basic(second, PASSWORD))
                            .statusCode())
                    .isEqualTo(200);
            patch(second, "{\"disabled\":true}");
        } finally {
            otherAdministrators.forEach(name -> patch(name, "{\"disabled\":false}"));
        }
        assertThat(signsIn(admin())).isTrue();
    }

    @Test
    void onlyAnAdministratorOfEverySiteManagesStaff() {
        String officer = StaffUsers.add(port, "PRIVACY_OFFICER", null);
        String scopedAdmin = StaffUsers.add(port, "ADMIN", "lab");
        String target = StaffUsers.add(port, "AUDITOR", null);
        long before = members();

        for (String[] caller : List.of(StaffUsers.basic(officer), StaffUsers.basic(scopedAdmin))) {
            assertThat(http.postJson("/api/v1/admin/staff", member(unique("x"), PASSWORD, "ADMIN"), caller)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(http.patchJson("/api/v1/admin/staff/" + target, "{\"roles\":[\"ADMIN\"]}", caller)
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/v1/admin/staff", StaffUsers.basic(officer)).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/staff").statusCode()).isEqualTo(401);
        assertThat(members()).isEqualTo(before);
        assertThat(audit(target)).hasSize(1);
    }

    /** Whether the credentials sign in: any answer but 401, since not every member may read the staff list. */
    private boolean signsIn(String[] basic) {
        return http.get("/api/v1/admin/staff", basic).statusCode() != 401;
    }

    private HttpResponse<String> create(String json) {
        return http.postJson("/api/v1/admin/staff", json, admin());
    }

    private HttpResponse<String> patch(String username, String json) {
        return http.patchJson("/api/v1/admin/staff/" + username, json, admin());
    }

    private static String member(String username, String password, String... roles) {
        List<String> quoted = new ArrayList<>();
        for (String role : roles) {
            quoted.add("\"" + role + "\"");
        }
        return "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[%s]}"
                .formatted(username, password, String.join(",", quoted));
    }

    /** The errors of a refused request as "field | code"; fails unless it was a 422. */
    private static List<String> errors(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        return Json.rows(Json.read(response.body()).get("errors"), "field", "code");
    }

    private long members() {
        return jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single();
    }

    private List<org.assertj.core.groups.Tuple> audit(String username) {
        return jdbc.sql("""
                        SELECT actor, action, array_to_string(fields, ', '), reason FROM audit_event
                        WHERE action IN ('create-staff', 'change-staff') AND reason LIKE :member ORDER BY seq
                        """)
                .param("member", "staff member " + username + ":%")
                .query((rs, row) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String[] admin() {
        return Http.basic("admin", StewardTest.ADMIN_PASSWORD);
    }
}
