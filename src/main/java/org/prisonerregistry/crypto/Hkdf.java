package org.prisonerregistry.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869) from Bouncy Castle: derives sub-keys so that no key serves two purposes. */
final class Hkdf {

    private Hkdf() {
    }

    /** {@code size} bytes; at most 255 * 32, larger requests are refused. */
    static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int size) {
        if (size < 0 || size > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA-256 output must be 0 to 8160 bytes");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[size];
        hkdf.generateBytes(out, 0, size);
        return out;
    }

    /**
     * HKDF-Extract: the pseudo-random key of {@code ikm} under {@code salt} (none = 32 zero bytes).
     * {@code derive(ikm, salt, info, n)} equals {@code expand(extract(salt, ikm), info, n)} by RFC 5869
     * section 2, so several sub-keys of one key can share one extraction. The caller zeroes the result.
     */
    static byte[] extract(byte[] salt, byte[] ikm) {
        return new HKDFBytesGenerator(SHA256Digest.newInstance()).extractPRK(salt, ikm);
    }

    /** HKDF-Expand of a pseudo-random key from {@link #extract}: {@code size} bytes, at most 255 * 32. */
    static byte[] expand(byte[] prk, byte[] info, int size) {
        if (size < 0 || size > 255 * 32) {
            throw new IllegalArgumentException("HKDF-SHA-256 output must be 0 to 8160 bytes");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(HKDFParameters.skipExtractParameters(prk, info));
        byte[] out = new byte[size];
        hkdf.generateBytes(out, 0, size);
        return out;
    }
}
