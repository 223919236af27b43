package org.prisonerregistry.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 over an event as it is staged ({@link CanonicalEventEncoding#encodeStaged}: a random
 * nonce and the event's whole content), under a key of its own derived from the audit signing key.
 * Anyone who can write to the staging table can write a row, but only the registry can tag it: the
 * sealer refuses a row whose tag does not match (forged, or edited after staging) or whose nonce
 * was sealed before (a replayed copy), and the verifier checks the tag of every sealed event again.
 * Like the signing key, the MAC key never reaches the database.
 */
public final class StagingMac {

    private static final byte[] DERIVATION_LABEL = "prisoner-registry/audit-staging-mac/v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    private StagingMac(byte[] key) {
        this.key = new SecretKeySpec(key, AuditKeyDerivation.ALGORITHM);
        Arrays.fill(key, (byte) 0);
    }

    public static StagingMac derivedFrom(AuditSigningKey signingKey) {
        return new StagingMac(AuditKeyDerivation.derive(signingKey, DERIVATION_LABEL));
    }

    /** A fresh tag for the event: a new random nonce and its MAC. */
    public StagingTag tag(AuditEvent event) {
        UUID nonce = UUID.randomUUID();
        return new StagingTag(nonce, mac(nonce, event));
    }

    /** Constant-time comparison; a missing tag never matches. */
    public boolean matches(AuditEvent event, StagingTag tag) {
        return tag != null && MessageDigest.isEqual(mac(tag.nonce(), event), tag.mac());
    }

    private byte[] mac(UUID nonce, AuditEvent event) {
        try {
            Mac mac = Mac.getInstance(AuditKeyDerivation.ALGORITHM);
            mac.init(key);
            return mac.doFinal(CanonicalEventEncoding.encodeStaged(nonce, event));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime lacks HMAC-SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "StagingMac[key hidden]";
    }
}
