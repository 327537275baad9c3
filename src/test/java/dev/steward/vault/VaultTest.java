package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.audit.AuditTrail;
import dev.steward.platform.StewardProperties;
import dev.steward.test.Canary;
import dev.steward.test.DatabaseDump;
import dev.steward.test.LabCustomers;
import dev.steward.test.SeedForms;
import dev.steward.test.StewardTest;
import dev.steward.test.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StewardTest
class VaultTest {

    @Autowired
    Vault vault;

    @Autowired
    Identities identities;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StewardProperties properties;

    @Test
    void findsASubjectByAnyIdentifierHoweverTyped() {
        // an address no other test uses: InquiriesTest's "Grace" is this address in other letters, and on the shared
        // test database a second subject carried it whenever that test ran first
        String email = Canary.email(SeedForms.unique("grace"));
        SubjectId subject = identities.newSubject(List.of(
                ClaimedIdentifier.of(Identifier.email(email)), ClaimedIdentifier.of(Identifier.phone(Canary.phone()))));

        assertThat(identities.carrying(Identifier.email("  " + email.toUpperCase() + " ")))
                .containsExactly(subject);
        assertThat(identities.carrying(Identifier.phone("+49 (30) 5550-1234"))).contains(subject);
        assertThat(vault.identifiers(subject, Access.system("test")))
                .extracting(Identifier::value)
                .containsExactlyInAnyOrder(email, "+493055501234");
    }

    @Test
    void storesRecordsSoThatNeitherADumpNorTheDataFilesHoldAnyPersonalValue() throws IOException {
        String email = Canary.email("dump");
        String name = Canary.name("Dump");
        SubjectId subject = identities.forAddress(Identifier.email(email));
        RecordId record = vault.store(subject, invoice(email, name));

        assertThat(vault.fields(record, Access.system("test")))
                .containsEntry("email", email)
                .containsEntry("name", name);
        String dump = DatabaseDump.of(properties.database().url()).text();
        assertThat(dump)
                .contains(subject.toString())
                .doesNotContainIgnoringCase(Canary.MARKER)
                .doesNotContain(name);

        jdbc.sql("CHECKPOINT").update();
        assertThat(filesContaining(postgresDataDirectory(), Canary.MARKER)).isEmpty();
    }

    @Test
    void aRecordKeptForAFixedPeriodIsDueFromTheMomentItIsStored() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("due")));

        RecordSummary record = vault.record(vault.store(subject, invoice(Canary.email("due"), Canary.name("Due"))))
                .orElseThrow();

        assertThat(record.dueAt())
                .isEqualTo(record.collectedAt()
                        .atOffset(java.time.ZoneOffset.UTC)
                        .plusYears(10)
                        .toInstant());
        assertThatThrownBy(() -> vault.store(
                        subject,
                        new NewRecord(
                                "lab",
                                "invoicing",
                                "1",
                                "gdpr-6-1-c",
                                "EU",
                                "subscription",
                                null,
                                RecordState.ACTIVE,
                                Map.of("email", Canary.email("due")))))
                .isInstanceOf(UndeclaredDataException.class)
                .hasMessage("Activity 'invoicing' keeps its records under retention rule 'books', not 'subscription'");
    }

    @Test
    void refusesFieldsTheCatalogDoesNotDeclareForTheActivity() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("undeclared")));
        int before = jdbc.sql("SELECT count(*) FROM personal_record")
                .query(Integer.class)
                .single();

        assertThatThrownBy(() -> vault.store(
                        subject, LabCustomers.newsletter(Map.of("email", "x@example.org", "shoeSize", "44"))))
                .isInstanceOf(UndeclaredDataException.class)
                .hasMessage(
                        "Activity 'newsletter' does not declare field 'shoeSize'; Steward stores only what the catalog declares");
        assertThat(jdbc.sql("SELECT count(*) FROM personal_record")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aStaffReadIsWrittenToTheAuditTrailWithFieldNamesOnly() {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email("audited")));
        RecordId record = vault.store(subject, invoice(Canary.email("audited"), Canary.name("Audited")));

        vault.fields(record, Access.staff("officer", "read-record", "ticket-17"));

        assertThat(audit.read(subject.value(), null, 1000, java.util.Set.of()).entries())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actor()).isEqualTo("officer");
                    assertThat(entry.action()).isEqualTo("read-record");
                    assertThat(entry.fields()).containsExactlyInAnyOrder("email", "name");
                    assertThat(entry.reason()).isEqualTo("ticket-17");
                });
    }

    @Test
    void erasureDestroysTheKeySoSurvivingCiphertextCannotBeDecrypted() {
        String email = Canary.email("erased");
        SubjectId subject = identities.forAddress(Identifier.email(email));
        RecordId record = vault.store(subject, invoice(email, Canary.name("Erased")));
        byte[] exported = jdbc.sql("SELECT fields_enc FROM personal_record WHERE id = :id")
                .param("id", record.value())
                .query(byte[].class)
                .single();
        byte[] sealed = vault.seal(subject, "kept elsewhere".getBytes(StandardCharsets.UTF_8), "export");

        Tombstone tombstone = vault.eraseSubject(subject, "erasure request").orElseThrow();

        assertThat(identities.carrying(Identifier.email(email)).stream().findFirst())
                .isEmpty();
        assertThat(vault.exists(subject)).isFalse();
        assertThat(vault.records(subject)).isEmpty();
        assertThat(vault.open(subject, sealed, "export")).isEmpty();
        assertThat(vault.open(subject, exported, "record")).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM data_subject WHERE id = :id")
                        .param("id", subject.value())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT reason FROM erasure_log WHERE id = :id")
                        .param("id", tombstone.id())
                        .query(String.class)
                        .single())
                .isEqualTo("erasure request");
        assertThat(ErasureLogFile.read(properties.erasureLogPath(), new tools.jackson.databind.json.JsonMapper()))
                .extracting(Tombstone::id)
                .contains(tombstone.id());
    }

    @Test
    void aRestoredBackupTakenBeforeAnErasureIsErasedAgainByRestoreReplay() {
        String email = Canary.email("restored");
        SubjectId subject = identities.forAddress(Identifier.email(email));
        vault.store(subject, invoice(email, Canary.name("Restored")));
        DatabaseDump backup = DatabaseDump.of(properties.database().url());
        vault.eraseSubject(subject, "erasure request");

        String restored =
                backup.restoreInto("restored_" + ProcessHandle.current().pid() + "_" + System.nanoTime());
        assertThat(subjectRows(restored, subject)).isEqualTo(1);

        TestServer.Run run = TestServer.command(restored, properties.dataDir(), "restore-replay");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("subjects and").contains("erased again");
        assertThat(subjectRows(restored, subject)).isZero();
        assertThat(JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                                restored, "postgres", ""))
                        .sql("SELECT count(*) FROM erasure_log WHERE subject_id = :id")
                        .param("id", subject.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static long subjectRows(String url, SubjectId subject) {
        return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres", ""))
                .sql("SELECT count(*) FROM data_subject WHERE id = :id")
                .param("id", subject.value())
                .query(Long.class)
                .single();
    }

    private static NewRecord invoice(String email, String name) {
        return LabCustomers.invoice(Map.of("email", email, "name", name));
    }

    private Path postgresDataDirectory() {
        return Path.of(jdbc.sql("SHOW data_directory").query(String.class).single());
    }

    private static List<Path> filesContaining(Path directory, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contains(file, needle))
                    .toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
