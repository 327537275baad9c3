package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.steward.test.Console;
import dev.steward.test.StaffUsers;
import dev.steward.test.StewardTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every member, a read-only auditor too, changes their own password, proving the current one first. */
@StewardTest
class OwnPasswordTest {

    private static final String NEW_PASSWORD = "a-new-long-passphrase";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anAuditorChangesTheirPasswordAndEverySessionEnds() {
        String auditor = StaffUsers.add(port, "AUDITOR", null);
        Console first = Console.signIn(port, auditor, StaffUsers.PASSWORD);
        Console second = Console.signIn(port, auditor, StaffUsers.PASSWORD);

        HttpResponse<String> changed = first.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", StaffUsers.PASSWORD, "password", NEW_PASSWORD, "repeated", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?password-changed"));
        assertThat(first.get("/admin").statusCode()).as("this session ended").isEqualTo(302);
        // other sessions end when the change's notification reaches the node that holds them, just after commit
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(second.get("/admin").statusCode())
                        .as("the other session ended")
                        .isEqualTo(302));
        assertThat(Console.signInAnswer(port, auditor, StaffUsers.PASSWORD)).endsWith("/login?error");
        assertThat(Console.signInAnswer(port, auditor, NEW_PASSWORD)).endsWith("/admin");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = :actor AND action = 'change-own-password'")
                        .param("actor", auditor)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /**
     * An administrator disables a member while the member changes their own password: the member's change read their
     * row before the disabling committed and wrote it back whole, enabled again (attack19 F6). Here the disabling holds
     * the row until the member's change waits for it, then commits.
     */
    @Test
    void aPasswordChangeDoesNotUndoADisablingCommittedMeanwhile() throws Exception {
        String member = StaffUsers.add(port, "ADMIN", null);
        Console console = Console.signIn(port, member, StaffUsers.PASSWORD);
        assertThat(changedWhileAnAdministrator(
                                "UPDATE staff_user SET disabled = true WHERE username = ?", member, console)
                        .statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("SELECT disabled FROM staff_user WHERE username = :u")
                        .param("u", member)
                        .query(Boolean.class)
                        .single())
                .as("still disabled")
                .isTrue();
        assertThat(Console.signInAnswer(port, member, NEW_PASSWORD)).endsWith("/login?error");
    }

    /**
     * attack20: an administrator sets a member's password (to end a takeover) while the member's own change, its
     * current password checked against the old one, waits for the row: the own change wrote over the administrator's.
     */
    @Test
    void aPasswordChangeDoesNotUndoAPasswordAnAdministratorSetMeanwhile() throws Exception {
        String member = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Console console = Console.signIn(port, member, StaffUsers.PASSWORD);
        HttpResponse<String> answer = changedWhileAnAdministrator(
                "UPDATE staff_user SET password_hash = 'set-by-an-administrator' WHERE username = ?", member, console);
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("That is not your current password.");
        assertThat(passwordHash(member)).isEqualTo("set-by-an-administrator");
    }

    /**
     * The member's own change, posted while an administrator's statement on the member's row is not committed yet; it
     * commits once the change waits for the row.
     */
    private HttpResponse<String> changedWhileAnAdministrator(String statement, String member, Console console)
            throws Exception {
        try (Connection administrator = dataSource.getConnection()) {
            administrator.setAutoCommit(false);
            try (PreparedStatement change = administrator.prepareStatement(statement)) {
                change.setString(1, member);
                change.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> own =
                    CompletableFuture.supplyAsync(() -> changeOwn(console, StaffUsers.PASSWORD));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FROM pg_locks WHERE NOT granted")
                                    .query(Long.class)
                                    .single()
                            > 0);
            administrator.commit();
            return own.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndCountsAsAFailedSignIn() {
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Console console = Console.signIn(port, agent, StaffUsers.PASSWORD);

        HttpResponse<String> wrong = console.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", "not-my-password", "password", NEW_PASSWORD, "repeated", NEW_PASSWORD));

        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("That is not your current password.");
        assertThat(jdbc.sql("SELECT failed_attempts FROM staff_user WHERE username = :u")
                        .param("u", agent)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(console.get("/admin").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(Console.signInAnswer(port, agent, StaffUsers.PASSWORD)).endsWith("/admin");
    }

    /**
     * attack20: the lock stopped sign-ins only, and this form checked the current password whatever the lock, so a
     * session left open could be guessed into a takeover without end. The guess that locks the member ends the session.
     */
    @Test
    void anUnattendedSessionGetsNoMoreGuessesAtTheCurrentPasswordThanTheLockoutAllows() {
        String agent = StaffUsers.add(port, "SUPPORT_AGENT", null);
        Console console = Console.signIn(port, agent, StaffUsers.PASSWORD);
        String hash = passwordHash(agent);
        for (int attempt = 1; attempt < StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            assertThat(changeOwn(console, "guess-" + attempt).statusCode()).isEqualTo(422);
        }
        HttpResponse<String> locking = changeOwn(console, "guess-" + StaffAccounts.LOCK_AFTER_FAILURES);

        assertThat(locking.statusCode()).isEqualTo(302);
        assertThat(locking.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(console.get("/admin").statusCode()).as("the session ended").isEqualTo(302);
        assertThat(console.http()
                        .postForm(
                                "/admin/password",
                                Map.of(
                                        "current",
                                        StaffUsers.PASSWORD,
                                        "password",
                                        NEW_PASSWORD,
                                        "repeated",
                                        NEW_PASSWORD,
                                        "_csrf",
                                        "the-ended-sessions"))
                        .statusCode())
                .as("the right password, guessed next, changes nothing")
                .isIn(302, 403);
        assertThat(passwordHash(agent)).isEqualTo(hash);
        assertThat(Console.signInAnswer(port, agent, StaffUsers.PASSWORD)).endsWith("/login?error");

        String other = StaffUsers.add(port, "AUDITOR", null);
        Console unattended = Console.signIn(port, other, StaffUsers.PASSWORD);
        for (int attempt = 0; attempt < StaffAccounts.LOCK_AFTER_FAILURES; attempt++) {
            Console.signInAnswer(port, other, "stranger-" + attempt);
        }
        assertThat(changeOwn(unattended, "guess").headers().firstValue("Location"))
                .as("a member locked already: the first wrong guess ends the session")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(unattended.get("/admin").statusCode()).isEqualTo(302);
    }

    private static HttpResponse<String> changeOwn(Console console, String current) {
        return console.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", current, "password", NEW_PASSWORD, "repeated", NEW_PASSWORD));
    }

    private String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM staff_user WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
    }

    @Test
    void aNewPasswordTooShortTypedDifferentlyOrUnchangedIsRefusedWithItsReason() {
        String officer = StaffUsers.add(port, "PRIVACY_OFFICER", null);
        Console console = Console.signIn(port, officer, StaffUsers.PASSWORD);

        HttpResponse<String> shortOne = console.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", StaffUsers.PASSWORD, "password", "short", "repeated", "short"));
        HttpResponse<String> different = console.submit(
                "/admin/password",
                "/admin/password",
                Map.of("current", StaffUsers.PASSWORD, "password", NEW_PASSWORD, "repeated", NEW_PASSWORD + "x"));
        HttpResponse<String> same = console.submit(
                "/admin/password",
                "/admin/password",
                Map.of(
                        "current",
                        StaffUsers.PASSWORD,
                        "password",
                        StaffUsers.PASSWORD,
                        "repeated",
                        StaffUsers.PASSWORD));

        assertThat(shortOne.statusCode()).isEqualTo(422);
        assertThat(shortOne.body()).contains("A password needs at least 12 characters.");
        assertThat(different.body()).contains("Type the same new password twice.");
        assertThat(same.body()).contains("Choose a password other than your current one.");
        assertThat(Console.signInAnswer(port, officer, StaffUsers.PASSWORD)).endsWith("/admin");
    }
}
