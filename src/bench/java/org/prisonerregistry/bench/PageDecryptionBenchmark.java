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
import org.openjdk.jmh.infra.Blackhole;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.FieldContext;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.NewDataKey;
import org.prisonerregistry.crypto.SubjectKeys;

/**
 * The page that matters most (a lawyer's first 50 assigned detainees): 50 detainees with 6 RESTRICTED fields each,
 * 300 fields of 40 bytes. One operation is one whole page, in microseconds:
 * <ul>
 *   <li>{@code unwrapAndDecrypt}: per detainee, unwrap the data key once (AES-256-GCM-SIV under the
 *       master key, then the HKDF field sub-key and commitment), decrypt their 6 fields, destroy the key;
 *   <li>{@code unwrapOnly}: the 50 unwraps alone;
 *   <li>{@code decryptOnly}: the 300 decryptions alone, keys already unwrapped.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class PageDecryptionBenchmark {

    static final int DETAINEES = 50;
    static final String[] RESTRICTED = {
        "full_name", "national_id", "date_of_birth", "contact", "case_number", "legal_notes"};

    private final FieldCipher cipher = new FieldCipher();
    private SubjectKeys subjectKeys;
    private UUID[] subjects;
    private byte[][] wrapped;
    private DataKey[] keys;
    private FieldContext[][] contexts;
    private byte[][][] stored;

    @Setup
    public void setUp() {
        subjectKeys = new SubjectKeys(Keyring.generate());
        subjects = new UUID[DETAINEES];
        wrapped = new byte[DETAINEES][];
        keys = new DataKey[DETAINEES];
        contexts = new FieldContext[DETAINEES][RESTRICTED.length];
        stored = new byte[DETAINEES][RESTRICTED.length][];
        for (int d = 0; d < DETAINEES; d++) {
            UUID subject = UUID.randomUUID();
            NewDataKey generated = subjectKeys.generate(subject, 1);
            subjects[d] = subject;
            wrapped[d] = generated.wrapped();
            keys[d] = generated.key();
            for (int f = 0; f < RESTRICTED.length; f++) {
                contexts[d][f] = new FieldContext("detainee", RESTRICTED[f], subject, subject, 1);
                byte[] value = String.format("%-40s", RESTRICTED[f] + " of detainee " + d).getBytes(StandardCharsets.UTF_8);
                stored[d][f] = cipher.encrypt(value, contexts[d][f], keys[d]);
            }
        }
    }

    @Benchmark
    public void unwrapAndDecrypt(Blackhole out) {
        for (int d = 0; d < DETAINEES; d++) {
            DataKey key = subjectKeys.unwrap(wrapped[d], subjects[d], 1);
            for (int f = 0; f < RESTRICTED.length; f++) {
                out.consume(cipher.decrypt(stored[d][f], contexts[d][f], key));
            }
            key.destroy();
        }
    }

    @Benchmark
    public void unwrapOnly(Blackhole out) {
        for (int d = 0; d < DETAINEES; d++) {
            DataKey key = subjectKeys.unwrap(wrapped[d], subjects[d], 1);
            out.consume(key);
            key.destroy();
        }
    }

    @Benchmark
    public void decryptOnly(Blackhole out) {
        for (int d = 0; d < DETAINEES; d++) {
            for (int f = 0; f < RESTRICTED.length; f++) {
                out.consume(cipher.decrypt(stored[d][f], contexts[d][f], keys[d]));
            }
        }
    }
}
