package org.prisonerregistry.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 128-bit tag: the field cipher's primitive.
 *
 * <p>Why the JDK's AES-GCM and not Bouncy Castle's {@code GCMBlockCipher}: the JDK's runs on AES-NI
 * and CLMUL intrinsics, so it is constant-time in hardware, where BC's pure-Java AES engine uses
 * lookup tables; and it is the fastest option measured here (on the build machine: 0.3 µs per 40-byte
 * field against 1.3 µs for a reused BC cipher), which matters with a few hundred fields a page. The
 * JDK also checks the tag before releasing any plaintext. One {@link Cipher} per thread is
 * re-initialised per field because {@code Cipher.getInstance} costs more than the field itself.
 */
final class AesGcm {

    static final int TAG_BYTES = 16;

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no AES/GCM/NoPadding", e);
        }
    });

    private AesGcm() {
    }

    /** Ciphertext followed by the tag. */
    static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) throws GeneralSecurityException {
        return run(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext, 0, plaintext.length);
    }

    /** The plaintext, or an exception if the tag does not authenticate ciphertext and associated data. */
    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed, int offset, int length)
            throws GeneralSecurityException {
        if (length < TAG_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        return run(Cipher.DECRYPT_MODE, key, nonce, aad, sealed, offset, length);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] in, int offset, int length)
            throws GeneralSecurityException {
        Cipher cipher = CIPHER.get();
        try {
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(in, offset, length);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Empty nonces, bad key lengths and the like: rejected like a bad tag.
            throw new GeneralSecurityException("rejected parameters");
        }
    }
}
