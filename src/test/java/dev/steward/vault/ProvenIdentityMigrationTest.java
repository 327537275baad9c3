package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Data stored before identities had to be proven: people joined through a shared phone number are flagged for staff,
 * a double opt-in already confirmed counts as proof of the address, and accounts must verify at their next sign-in.
 */
class ProvenIdentityMigrationTest {

    private static final byte[] NOT_A_KEY = {1, 2, 3};

    @Test
    void subjectsJoinedThroughAnUnprovenIdentifierAreFlaggedAndConfirmedAddressesCountAsProven() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
        EarlierSchemas.migrate(database, "23");
        JdbcClient jdbc = JdbcClient.create(database);
        UUID merged = EarlierSchemas.subject(jdbc);
        identifier(jdbc, merged, "EMAIL", 1);
        identifier(jdbc, merged, "EMAIL", 2);
        identifier(jdbc, merged, "PHONE", 3);
        UUID subscriber = EarlierSchemas.subject(jdbc);
        identifier(jdbc, subscriber, "EMAIL", 4);
        jdbc.sql("""
                        INSERT INTO consent_event (seq, id, subject_id, site, purpose, action, notice_version, method,
                            occurred_at, jurisdiction, by_parent, prev_hash, hash)
                        VALUES (1, :id, :subject, 'olympus-ims', 'newsletter', 'confirmed', '2018-04-03', 'email-link',
                            '2026-01-05T10:00:00Z', 'EU', false, '\\x00', '\\x01')
                        """)
                .param("id", UUID.randomUUID())
                .param("subject", subscriber)
                .update();
        jdbc.sql("""
                        INSERT INTO account (site, subject_id, registered_with, password_hash, state, created_at)
                        VALUES ('omron-healthcare', :subject, 'account', 'x', 'active', now())
                        """).param("subject", subscriber).update();

        EarlierSchemas.migrate(database, "latest");

        assertThat(review(jdbc, merged)).isEqualTo("merged-through-unproven-identifier");
        assertThat(review(jdbc, subscriber)).isNull();
        assertThat(jdbc.sql("SELECT verified_by FROM subject_identifier WHERE subject_id = :s")
                        .param("s", subscriber)
                        .query(String.class)
                        .single())
                .isEqualTo("double-opt-in");
        assertThat(jdbc.sql("SELECT links FROM subject_identifier WHERE subject_id = :s AND kind = 'PHONE'")
                        .param("s", merged)
                        .query(Boolean.class)
                        .single())
                .as("a phone number never links")
                .isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE verified_at IS NULL AND verify_by IS NULL")
                        .query(Long.class)
                        .single())
                .as("an older account verifies at its next sign-in, with no deadline")
                .isEqualTo(1);
    }

    private static void identifier(JdbcClient jdbc, UUID subject, String kind, int index) {
        jdbc.sql("""
                        INSERT INTO subject_identifier (blind_index, subject_id, kind, value_enc)
                        VALUES (:index, :subject, :kind, :value)
                        """)
                .param("index", new byte[] {(byte) index, 7, 7, 7})
                .param("subject", subject)
                .param("kind", kind)
                .param("value", NOT_A_KEY)
                .update();
    }

    private static String review(JdbcClient jdbc, UUID subject) {
        return jdbc.sql("SELECT review FROM data_subject WHERE id = :id")
                .param("id", subject)
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1)))
                .single()
                .orElse(null);
    }
}
