package org.prisonerregistry.bench;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
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
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.FieldContext;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.SubjectKeys;

/**
 * One 40-byte field through {@link FieldCipher}: AES-256-GCM (the JDK's), the HKDF sub-key and key
 * commitment already derived when the data key was unwrapped, a random nonce on encryption, and the
 * associated data rebuilt from the {@link FieldContext} on both sides. Each is reported twice: as
 * operations per second (throughput) and as microseconds per operation (average time).
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class FieldCipherBenchmark {

    static final int FIELD_BYTES = 40;

    private final FieldCipher cipher = new FieldCipher();
    private DataKey key;
    private FieldContext context;
    private byte[] plaintext;
    private byte[] stored;

    @Setup
    public void setUp() {
        UUID subject = UUID.randomUUID();
        key = new SubjectKeys(Keyring.generate()).generate(subject, 1).key();
        context = new FieldContext("detainee", "full_name", subject, subject, 1);
        plaintext = "Maria Alexandrovna Kolesnikova-Ivanova 1".getBytes(StandardCharsets.UTF_8);
        if (plaintext.length != FIELD_BYTES) {
            throw new IllegalStateException("the sample field should be " + FIELD_BYTES + " bytes, not " + plaintext.length);
        }
        stored = cipher.encrypt(plaintext, context, key);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] encrypt() {
        return cipher.encrypt(plaintext, context, key);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] encryptTime() {
        return cipher.encrypt(plaintext, context, key);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] decrypt() {
        return cipher.decrypt(stored, context, key);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public byte[] decryptTime() {
        return cipher.decrypt(stored, context, key);
    }
}
