package org.prisonerregistry.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 over each sealed event's sequence number and leaf hash, under a key derived from
 * the audit signing key. Checkpoints prove a range of events; the MAC proves each one, so that an
 * event forged or rewritten by someone without the key is named at its own place. Like the signing
 * key, the MAC key never reaches the database.
 */
public final class LeafMac {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DERIVATION_LABEL = "prisoner-registry/audit-leaf-mac/v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    private LeafMac(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
        Arrays.fill(key, (byte) 0);
    }

    /** The MAC key of this signing key: HMAC-SHA-256(seed, label), one HKDF-Expand block with a fixed label. */
    public static LeafMac derivedFrom(AuditSigningKey signingKey) {
        return new LeafMac(AuditKeyDerivation.derive(signingKey, DERIVATION_LABEL));
    }

    public byte[] mac(long seq, TreeHash leafHash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
            mac.update(leafHash.bytes());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime lacks HMAC-SHA-256", e);
        }
    }

    /** Constant-time comparison; a missing MAC never matches. */
    public boolean matches(long seq, TreeHash leafHash, byte[] leafMac) {
        return leafMac != null && MessageDigest.isEqual(mac(seq, leafHash), leafMac);
    }

    @Override
    public String toString() {
        return "LeafMac[key hidden]";
    }
}
