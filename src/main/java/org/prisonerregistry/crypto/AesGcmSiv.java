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
 * RFC 3394/5649 key wrap it takes associated data (subject id, key versions). Rare (once per subject
 * per request), so a fresh cipher per call costs nothing that matters.
 */
final class AesGcmSiv {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

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
        GCMSIVBlockCipher cipher = new GCMSIVBlockCipher(AESEngine.newInstance());
        try {
            cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, aad));
            byte[] out = new byte[cipher.getOutputSize(length)];
            int n = cipher.processBytes(in, offset, length, out, 0);
            n += cipher.doFinal(out, n);
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("rejected");
        }
    }
}
