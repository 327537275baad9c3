package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import dev.steward.test.InitializedSteward;
import dev.steward.test.StewardProcess;
import dev.steward.test.TestDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code keys rotate} killed with SIGKILL half way through re-wrapping the subjects' keys: no key is lost (each opens
 * with the key set on disk, old or new key), the next start says that the rotation is unfinished and what to do, and
 * running it again finishes it: one key left, every key wrapped with it, none opening with a key set from before.
 */
class KeyRotationKilledIT {

    private static final int PEOPLE = 30_000;
    /** The rotation commits a thousand re-wrapped keys at a time: killed after two batches at least. */
    private static final int KILL_AFTER = 2_000;

    private static final int PORT = 18871;

    @Test
    void aRotationKilledHalfWayLosesNoKeySaysItIsUnfinishedAndEndsWhenRunAgain() throws Exception {
        AeadConfig.register();
        InitializedSteward steward = InitializedSteward.copy(
                "rotation_killed_" + ProcessHandle.current().pid());
        JdbcClient jdbc = JdbcClient.create(
                new DriverManagerDataSource(steward.database(), TestDatabase.user(), TestDatabase.password()));
        steward.seed(PEOPLE);
        Path file = steward.dataDir().resolve("keys/master-keyset.json");
        KeysetHandle before = keyset(file);
        assertThat(opening(jdbc, before)).as("every key opens before").isEqualTo(keys(jdbc));

        long rewrappedAtKill;
        try (StewardProcess rotation =
                StewardProcess.command(steward.database(), steward.dataDir(), "keys", "rotate")) {
            rotation.awaitUntil(() -> rewrapped(jdbc, file) >= KILL_AFTER, Duration.ofSeconds(90));
            rotation.kill();
            rewrappedAtKill = rewrapped(jdbc, file);
        }
        KeysetHandle atKill = keyset(file);
        assertThat(rewrappedAtKill).as("killed half way").isBetween((long) KILL_AFTER, PEOPLE - 1L);
        assertThat(atKill.size()).as("old and new key").isEqualTo(2);
        assertThat(opening(jdbc, atKill)).as("no key lost").isEqualTo(keys(jdbc));

        try (StewardProcess server =
                StewardProcess.serve(steward.database(), steward.dataDir(), PORT, Duration.ofSeconds(90))) {
            assertThat(server.output())
                    .contains("a key rotation was interrupted")
                    .contains("run 'keys rotate' again");
        }

        StewardProcess.Finished again =
                StewardProcess.run(steward.database(), steward.dataDir(), Duration.ofSeconds(120), "keys", "rotate");
        assertThat(again.exit()).as(again.output()).isZero();
        KeysetHandle after = keyset(file);
        assertThat(after.size()).isOne();
        assertThat(opening(jdbc, after)).as("every key opens after").isEqualTo(keys(jdbc));
        assertThat(opening(jdbc, before))
                .as("none with the key set from before")
                .isZero();
        assertThat(opening(jdbc, atKill))
                .as("none with the key set the kill left")
                .isZero();
        try (Stream<Path> beside = Files.list(file.getParent())) {
            assertThat(beside.map(Path::getFileName).map(Path::toString))
                    .as("no copy of an old key set left beside it")
                    .noneMatch(name -> name.startsWith(".master-keyset"));
        }
    }

    /** Subject keys wrapped with the key set's primary key (which is the new one once the rotation added it). */
    private static long rewrapped(JdbcClient jdbc, Path file) {
        KeysetHandle keyset = keyset(file);
        if (keyset.size() < 2) {
            return 0;
        }
        byte[] prefix = ByteBuffer.allocate(5)
                .put((byte) 1)
                .putInt(keyset.getPrimary().getId())
                .array();
        return jdbc.sql("SELECT count(*) FROM data_subject WHERE substring(wrapped_key FROM 1 FOR 5) = :prefix")
                .param("prefix", prefix)
                .query(Long.class)
                .single();
    }

    private static long keys(JdbcClient jdbc) {
        return jdbc.sql("SELECT (SELECT count(*) FROM data_subject) + (SELECT count(*) FROM vault_key)")
                .query(Long.class)
                .single();
    }

    /** How many of the subjects' and Steward's keys the key set unwraps. */
    private static long opening(JdbcClient jdbc, KeysetHandle keyset) throws GeneralSecurityException {
        Aead aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        long[] opened = {0};
        jdbc.sql("SELECT id, wrapped_key FROM data_subject").query(rs -> {
            if (opens(aead, rs.getBytes(2), SubjectKeys.context(new SubjectId(rs.getObject(1, UUID.class))))) {
                opened[0]++;
            }
        });
        for (Map<String, Object> key :
                jdbc.sql("SELECT name, wrapped FROM vault_key").query().listOfRows()) {
            if (opens(aead, (byte[]) key.get("wrapped"), NamedKeys.context((String) key.get("name")))) {
                opened[0]++;
            }
        }
        return opened[0];
    }

    private static boolean opens(Aead aead, byte[] wrapped, String context) {
        try {
            aead.decrypt(wrapped, context.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeysetHandle keyset(Path file) {
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
