package org.prisonerregistry.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
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
 * Bare AES-256-GCM decryption of one 40-byte field with about 100 bytes of associated data (what
 * {@code FieldCipher} builds), without its header checks and commitment, to compare the engines
 * in question: Bouncy Castle building a new {@code GCMBlockCipher} per field or
 * re-initialising one, and the JDK's cipher re-initialised (as {@code AesGcm} does) or obtained anew.
 * Benchmarks are not main code, so they may use Bouncy Castle directly.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Thread)
public class GcmComparisonBenchmark {

    private byte[] key;
    private byte[] nonce;
    private byte[] aad;
    private byte[] sealed;
    private GCMModeCipher bcCipher;
    private Cipher jdkCipher;
    private SecretKeySpec jdkKey;

    @Setup
    public void setUp() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        key = new byte[32];
        nonce = new byte[12];
        aad = new byte[100];
        byte[] plaintext = new byte[FieldCipherBenchmark.FIELD_BYTES];
        random.nextBytes(key);
        random.nextBytes(nonce);
        random.nextBytes(aad);
        random.nextBytes(plaintext);
        jdkKey = new SecretKeySpec(key, "AES");
        Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
        encrypt.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(128, nonce));
        encrypt.updateAAD(aad);
        sealed = encrypt.doFinal(plaintext);
        bcCipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        jdkCipher = Cipher.getInstance("AES/GCM/NoPadding");
    }

    @Benchmark
    public byte[] bouncyCastleNewCipherPerField() throws InvalidCipherTextException {
        return bcDecrypt(GCMBlockCipher.newInstance(AESEngine.newInstance()));
    }

    @Benchmark
    public byte[] bouncyCastleReinitialisedCipher() throws InvalidCipherTextException {
        return bcDecrypt(bcCipher);
    }

    @Benchmark
    public byte[] jdkNewCipherPerField() throws GeneralSecurityException {
        return jdkDecrypt(Cipher.getInstance("AES/GCM/NoPadding"));
    }

    @Benchmark
    public byte[] jdkReinitialisedCipher() throws GeneralSecurityException {
        return jdkDecrypt(jdkCipher);
    }

    private byte[] bcDecrypt(GCMModeCipher cipher) throws InvalidCipherTextException {
        cipher.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(sealed.length)];
        int n = cipher.processBytes(sealed, 0, sealed.length, out, 0);
        cipher.doFinal(out, n);
        return out;
    }

    private byte[] jdkDecrypt(Cipher cipher) throws GeneralSecurityException {
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed);
    }
}
