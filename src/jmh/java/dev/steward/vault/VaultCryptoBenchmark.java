package dev.steward.vault;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vault's encryption of one record's fields under a subject's key, and its decryption: the cryptography every
 * store and every read of personal data pays, with the same AEAD, key size and associated data as {@link Vault}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VaultCryptoBenchmark {

    private final SubjectId subject = SubjectId.random();
    private final RecordId record = RecordId.random();
    private final byte[] fields = """
            {"email":"person-1@bench.invalid","name":"name of person 1","message":"A question about the E-M10 and \
            its warranty, asked through the contact form."}""".getBytes(StandardCharsets.UTF_8);
    private Aead key;
    private byte[] sealed;

    @Setup
    public void createKey() {
        key = SubjectKeys.aead(com.google.crypto.tink.subtle.Random.randBytes(32));
        sealed = encrypt();
    }

    @Benchmark
    public byte[] encrypt() {
        return Ciphertexts.encrypt(key, fields, Ciphertexts.recordContext(record, subject));
    }

    @Benchmark
    public byte[] decrypt() {
        return Ciphertexts.decrypt(key, sealed, Ciphertexts.recordContext(record, subject));
    }
}
