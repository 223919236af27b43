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
}
