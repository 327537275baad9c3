package dev.steward.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.platform.StewardProperties;
import dev.steward.test.StewardTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first administrator at first start, against the real database: the password is shown before the member's row
 * commits (a start killed while showing it leaves no administrator nobody can sign in as, crash22), and a second node
 * starting on the same new database, which finds the member made by the first one when it inserts, shows no password
 * of its own. The database of this context already has its administrator, so each case makes a member of its own name
 * as the first start would, through a repository that sees the table as empty, as both racing nodes do.
 */
@StewardTest
class AdminBootstrapTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StewardProperties properties;

    @Autowired
    Environment environment;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    /** Other classes of this context count administrators (the last one may not go). */
    @AfterEach
    void removeTheMadeMembers() {
        jdbc.sql("DELETE FROM staff_user WHERE username LIKE 'first-%'").update();
    }

    @Test
    void aStartKilledWhileShowingThePasswordLeavesNoAdministrator() {
        String name = "first-" + UUID.randomUUID();
        Banner killed = new Banner(true);

        assertThatThrownBy(() -> bootstrap(new FreshTable(jdbc, name), killed).run(new DefaultApplicationArguments()))
                .hasMessage("killed while showing the password");

        assertThat(killed.shown)
                .singleElement()
                .satisfies(shown -> assertThat(shown.generatedPassword()).isNotNull());
        assertThat(members(name)).as("no member whose password nobody saw").isZero();
    }

    @Test
    void theFirstStartShowsThePasswordOfTheMemberItMade() {
        String name = "first-" + UUID.randomUUID();
        Banner banner = new Banner(false);

        bootstrap(new FreshTable(jdbc, name), banner).run(new DefaultApplicationArguments());

        assertThat(members(name)).isOne();
        String shown = banner.shown.get(0).generatedPassword();
        assertThat(shown).isNotNull();
        String hash = jdbc.sql("SELECT password_hash FROM staff_user WHERE username = :name")
                .param("name", name)
                .query(String.class)
                .single();
        assertThat(encoder.matches(shown, hash)).isTrue();
    }

    @Test
    void aSecondNodeThatFindsTheAdministratorMadeWhenItInsertsShowsNoPassword() {
        String name = "first-" + UUID.randomUUID();
        bootstrap(new FreshTable(jdbc, name), new Banner(false)).run(new DefaultApplicationArguments());
        Banner second = new Banner(false);

        bootstrap(new FreshTable(jdbc, name), second).run(new DefaultApplicationArguments());

        assertThat(second.shown).singleElement().satisfies(shown -> {
            assertThat(shown.generatedPassword())
                    .as("a password that would not work")
                    .isNull();
            assertThat(shown.fromEnvironment()).isFalse();
        });
        assertThat(members(name)).isOne();
    }

    private AdminBootstrap bootstrap(StaffUserRepository users, StartBanner banner) {
        StewardProperties noPasswordGiven = new StewardProperties(
                properties.dataDir(),
                properties.catalog(),
                properties.database(),
                null,
                properties.publicUrl(),
                properties.masterKey(),
                properties.erasureLog());
        return new AdminBootstrap(users, encoder, noPasswordGiven, banner, transaction, clock);
    }

    private long members(String name) {
        return jdbc.sql("SELECT count(*) FROM staff_user WHERE username = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** The staff table as a first start sees it, empty, with the first member inserted under this test's name. */
    private static final class FreshTable extends StaffUserRepository {

        private final String name;

        FreshTable(JdbcClient jdbc, String name) {
            super(jdbc);
            this.name = name;
        }

        @Override
        boolean isEmpty() {
            return true;
        }

        @Override
        boolean insert(StaffUser user) {
            return super.insert(new StaffUser(
                    name,
                    user.passwordHash(),
                    user.roles(),
                    user.sites(),
                    user.disabled(),
                    user.failedAttempts(),
                    user.lockedUntil(),
                    user.createdAt()));
        }
    }

    /** The banner, which records what it was asked to show and, for a kill, fails once it has shown it. */
    private final class Banner extends StartBanner {

        private final boolean killed;
        private final List<SignIn> shown = new ArrayList<>();

        Banner(boolean killed) {
            super(properties, environment);
            this.killed = killed;
        }

        @Override
        void announce(SignIn signIn) {
            shown.add(signIn);
            if (killed) {
                throw new IllegalStateException("killed while showing the password");
            }
        }
    }
}
