package dev.steward.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The master key set (Tink, AES-256-GCM) that wraps every other key: the subjects' data keys, the blind-index key,
 * the signing key. It lives in a file outside the database, readable by its owner only, so a stolen database or
 * backup alone decrypts nothing. Rotation adds a new primary key; old keys stay until everything is re-wrapped.
 */
final class MasterKey {

    /** Tink's prefix on a ciphertext: one version byte, then the four-byte id of the key that made it. */
    private static final int PREFIX_BYTE = 0x01;

    private final Path file;
    private volatile KeysetHandle keyset;
    private volatile Aead aead;

    private MasterKey(Path file, KeysetHandle keyset) throws GeneralSecurityException {
        this.file = file;
        use(keyset);
    }

    /** Reads the key set, creating it at {@code file} when missing and {@code create} allows it. */
    static MasterKey open(Path file, boolean create) {
        try {
            AeadConfig.register();
            if (Files.exists(file)) {
                return new MasterKey(
                        file,
                        TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get()));
            }
            if (!create) {
                throw new IllegalStateException("The master key set " + file + " (STEWARD_MASTER_KEY) does not exist");
            }
            KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            MasterKey key = new MasterKey(file, fresh);
            key.persist();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key set " + file + " cannot be used", e);
        } catch (IOException e) {
            throw new UncheckedIOException("The master key set " + file + " cannot be read", e);
        }
    }

    byte[] wrap(byte[] secret, String context) {
        try {
            return aead.encrypt(secret, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap a key", e);
        }
    }

    byte[] unwrap(byte[] wrapped, String context) throws GeneralSecurityException {
        return aead.decrypt(wrapped, context.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether this wrapped key was made by the current primary key, so rotation can skip it. */
    boolean isCurrent(byte[] wrapped) {
        return wrapped.length > 5
                && wrapped[0] == PREFIX_BYTE
                && ByteBuffer.wrap(wrapped, 1, 4).getInt()
                        == keyset.getPrimary().getId();
    }

    int keyCount() {
        return keyset.size();
    }

    /** Adds a new primary key and saves the key set; keys made before still unwrap with the old ones. */
    void rotate() throws GeneralSecurityException {
        use(KeysetHandle.newBuilder(keyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build());
        persist();
    }

    /** Drops every key but the primary, once nothing is wrapped with them any more. */
    void retireOldKeys() throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        use(builder.build());
        persist();
    }

    private void use(KeysetHandle handle) throws GeneralSecurityException {
        this.keyset = handle;
        this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** Makes the rename durable: on POSIX systems a directory's entries reach the disk when it is synced. */
    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Writes a sibling file readable by the owner only, durably, then moves it over the key set in one step. */
    private void persist() {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
            Path temporary = Files.createTempFile(directory, ".master-keyset", ".tmp");
            if (posix) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            byte[] serialized = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get())
                    .getBytes(StandardCharsets.UTF_8);
            // WHY on disk before the move, and the move on disk before we return: a rotation commits keys wrapped by
            // the new key set to PostgreSQL right after, so a power cut must not leave the old file behind (crash22)
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer content = ByteBuffer.wrap(serialized);
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (posix) {
                syncDirectory(directory);
            }
        } catch (AccessDeniedException e) {
            throw new IllegalStateException(
                    "Cannot write the master key set " + file
                            + ": rotate on a writable copy and deploy it to every node",
                    e);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the master key set " + file, e);
        }
    }
}
