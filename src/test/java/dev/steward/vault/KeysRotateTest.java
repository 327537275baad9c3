package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.test.Canary;
import dev.steward.test.LabCustomers;
import dev.steward.test.StewardTest;
import dev.steward.test.TestDatabase;
import dev.steward.test.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code keys rotate} re-wraps every key under a new master key without touching the data. */
class KeysRotateTest {

    /** Enough random subject ids that some fall in every part of the UUID range the rotation pages through. */
    private static final int SUBJECTS = 25;

    @TempDir
    Path dataDir;

    @Test
    void rotationRewrapsEveryKeyAndTheDataStillReads() throws Exception {
        String database = TestDatabase.newDatabase();
        RecordId[] record = new RecordId[1];
        byte[][] wrappedBefore = new byte[1][];
        withServer(database, context -> {
            Vault vault = context.getBean(Vault.class);
            for (int i = 0; i < SUBJECTS; i++) {
                SubjectId subject =
                        context.getBean(Identities.class).forAddress(Identifier.email(Canary.email("rotated" + i)));
                record[0] = vault.store(
                        subject,
                        LabCustomers.invoice(
                                Map.of("email", Canary.email("rotated" + i), "name", Canary.name("Rotated"))));
            }
            context.getBean(Signatures.class);
            wrappedBefore[0] = context.getBean(JdbcClient.class)
                    .sql("SELECT wrapped_key FROM data_subject ORDER BY id LIMIT 1")
                    .query(byte[].class)
                    .single();
        });
        Path keyset = dataDir.resolve("keys/master-keyset.json");
        String keysetBefore = Files.readString(keyset);
        assertThat(Files.getPosixFilePermissions(keyset)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(keyset.getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));

        TestServer.Run rotation = TestServer.command(database, dataDir, "keys", "rotate");

        assertThat(rotation.exit()).isZero();
        assertThat(rotation.err())
                .contains("keys rotate: re-wrapping 100% [")
                .contains("] " + SUBJECTS + "/" + SUBJECTS + " subject keys");
        assertThat(rotation.out()).contains("the old master key is destroyed");
        assertThat(Files.readString(keyset)).isNotEqualTo(keysetBefore).containsOnlyOnce("\"keyId\"");
        assertThat(Files.getPosixFilePermissions(keyset)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        withServer(database, context -> {
            byte[] wrappedAfter = context.getBean(JdbcClient.class)
                    .sql("SELECT wrapped_key FROM data_subject ORDER BY id LIMIT 1")
                    .query(byte[].class)
                    .single();
            assertThat(wrappedAfter).isNotEqualTo(wrappedBefore[0]);
            assertThat(context.getBean(Vault.class).fields(record[0], Access.system("test")))
                    .containsEntry("name", Canary.name("Rotated"));
            assertThat(context.getBean(Signatures.class).sign("test", Map.of("a", 1)))
                    .isNotBlank();
        });
    }

    private void withServer(String database, Consumer<ConfigurableApplicationContext> use) {
        try (ConfigurableApplicationContext context =
                TestServer.start(database, dataDir, "--steward.catalog=" + StewardTest.CATALOGS)) {
            use.accept(context);
        }
    }
}
