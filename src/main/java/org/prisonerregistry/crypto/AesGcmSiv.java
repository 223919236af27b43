package org.prisonerregistry.crypto;

import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMSIVBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM-SIV (RFC 8452) from Bouncy Castle: wraps data keys under master keys. Nonce-misuse
 * resistant, so a repeated random nonce over millions of rewraps leaks at most equality, and unlike
 * RFC 3394/5649 key wrap it takes associated data (subject id, key versions).
 *
 * <p>One cipher object per thread, re-initialised on every call: a page of 50 detainees unwraps 50
 * keys, and constructing a {@code GCMSIVBlockCipher} (AES engine, 4k GHASH table, hashers) each time
 * was most of the unwrap cost. This is safe because in Bouncy Castle 1.87 {@code init} validates the
 * parameters, then re-derives the per-nonce authentication and encryption keys (re-keying the AES
 * engine and the multiplier) and resets every stream, hasher, flag and the GHASH accumulator; and a
 * failed tag check already resets the streams (zeroing the unauthenticated plaintext) before it
 * throws. Belt and braces: after any failure the thread's cipher is discarded anyway, so a rejected
 * input can never leave state behind for the next call.
 */
final class AesGcmSiv {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final ThreadLocal<GCMSIVBlockCipher> CIPHER =
            ThreadLocal.withInitial(() -> new GCMSIVBlockCipher(AESEngine.newInstance()));

    private AesGcmSiv() {
    }

    static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        return run(true, key, nonce, aad, plaintext, 0, plaintext.length);
    }

    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length)
            throws GeneralSecurityException {
        if (length < TAG_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        return run(false, key, nonce, aad, sealed, offset, length);
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
            throws GeneralSecurityException {
        GCMSIVBlockCipher cipher = CIPHER.get();
        try {
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, aad));
            byte[] out = new byte[cipher.getOutputSize(length)];
            int n = cipher.processBytes(in, offset, length, out, 0);
            n += cipher.doFinal(out, n);
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            CIPHER.remove();
            throw new GeneralSecurityException("rejected");
        }
    }
}
