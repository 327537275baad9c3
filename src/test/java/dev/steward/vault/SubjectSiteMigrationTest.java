package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The sites each subject is known on besides the consent ledger (V175, attack13 M1): filled from the records, rights
 * requests and accounts stored before it, then by every insert and by a record given to another subject.
 */
class SubjectSiteMigrationTest {

    @Test
    void theSitesComeFromTheRowsStoredBeforeAndFromEveryLaterInsert() {
        DriverManagerDataSource database =
                new DriverManagerDataSource(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
        EarlierSchemas.migrate(database, "174");
        JdbcClient jdbc = JdbcClient.create(database);
        UUID customer = EarlierSchemas.subject(jdbc);
        record(jdbc, customer, "olympus-ims");
        record(jdbc, customer, "olympus-ims");
        UUID requester = EarlierSchemas.subject(jdbc);
        request(jdbc, requester, "omron-healthcare");
        UUID member = EarlierSchemas.subject(jdbc);
        jdbc.sql("""
                        INSERT INTO account (site, subject_id, registered_with, password_hash, state, created_at)
                        VALUES ('lab', :subject, 'account', 'x', 'active', now())
                        """).param("subject", member).update();
        UUID erased = UUID.randomUUID(); // a request's subject erased meanwhile: no row in data_subject
        request(jdbc, erased, "lab");

        EarlierSchemas.migrate(database, "latest");

        assertThat(sites(jdbc, customer)).containsExactly("olympus-ims");
        assertThat(sites(jdbc, requester)).containsExactly("omron-healthcare");
        assertThat(sites(jdbc, member)).containsExactly("lab");
        assertThat(sites(jdbc, erased)).isEmpty();

        UUID record = record(jdbc, customer, "lab");
        request(jdbc, customer, "lab");
        assertThat(sites(jdbc, customer)).containsExactly("lab", "olympus-ims");
        jdbc.sql("UPDATE personal_record SET subject_id = :to WHERE id = :id")
                .param("to", member)
                .param("id", record)
                .update();
        assertThat(sites(jdbc, member)).as("a record given to another subject").containsExactly("lab");
        jdbc.sql("UPDATE personal_record SET subject_id = :to WHERE site = 'olympus-ims'")
                .param("to", requester)
                .update();
        assertThat(sites(jdbc, requester)).containsExactly("olympus-ims", "omron-healthcare");
    }

    private static UUID record(JdbcClient jdbc, UUID subject, String site) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO personal_record (id, subject_id, site, activity, notice_version, legal_basis,
                            jurisdiction, collected_at, state, retention_rule, fields_enc)
                        VALUES (:id, :subject, :site, 'contact-form', '1', 'gdpr-6-1-a', 'EU', now(), 'active',
                            'correspondence-terminated', '\\x01')
                        """)
                .param("id", id)
                .param("subject", subject)
                .param("site", site)
                .update();
        return id;
    }

    private static void request(JdbcClient jdbc, UUID subject, String site) {
        jdbc.sql("""
                        INSERT INTO rights_request (id, site, jurisdiction, type, status, subject_id, details_enc,
                            status_token_hash, created_at)
                        VALUES (:id, :site, 'EU', 'access', 'awaiting-verification', :subject, '\\x01', :token, now())
                        """)
                .param("id", UUID.randomUUID())
                .param("site", site)
                .param("subject", subject)
                .param("token", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
    }

    private static List<String> sites(JdbcClient jdbc, UUID subject) {
        return jdbc.sql("SELECT site FROM subject_site WHERE subject_id = :subject ORDER BY site")
                .param("subject", subject)
                .query(String.class)
                .list();
    }
}
