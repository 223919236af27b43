package org.prisonerregistry.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Splits one 256-bit key into an encryption sub-key and a 32-byte key commitment (both by HKDF
 * with distinct labels). GCM and GCM-SIV are not key-committing: a ciphertext can be built that
 * opens under two keys. Storing the commitment beside the ciphertext and checking it before
 * decrypting means a wrong key is refused outright instead of yielding plausible plaintext.
 */
final class CommittingKey {

    static final int COMMITMENT_BYTES = 32;

    private final byte[] encryptionKey;
    private final byte[] commitment;

    CommittingKey(byte[] key, String purpose) {
        // Same input key and (empty) salt for both, so one HKDF-Extract serves both expansions:
        // identical output to two full HKDF derivations, one HMAC fewer per key.
        byte[] prk = Hkdf.extract(null, key);
        try {
            this.encryptionKey = Hkdf.expand(prk, label(purpose, "encrypt"), 32);
            this.commitment = Hkdf.expand(prk, label(purpose, "commit"), COMMITMENT_BYTES);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] label(String purpose, String use) {
        return ("prisoner-registry/" + purpose + "/" + use + "/v1").getBytes(StandardCharsets.US_ASCII);
    }

    byte[] encryptionKey() {
        return encryptionKey;
    }

    byte[] commitment() {
        return commitment;
    }

    /** Constant-time comparison of a stored commitment with this key's. */
    boolean commitsTo(byte[] stored, int offset) {
        if (stored.length - offset < COMMITMENT_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(commitment, Arrays.copyOfRange(stored, offset, offset + COMMITMENT_BYTES));
    }

    void destroy() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(commitment, (byte) 0);
    }
}
