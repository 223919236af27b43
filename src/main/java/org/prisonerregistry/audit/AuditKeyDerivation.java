package org.prisonerregistry.audit;

import java.security.GeneralSecurityException;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC keys derived from the audit signing key, one per label: HMAC-SHA-256(seed, label), one
 * HKDF-Expand block with a fixed label. Each key lives only where the signing key does, never in
 * the database.
 */
final class AuditKeyDerivation {

    static final String ALGORITHM = "HmacSHA256";

    private AuditKeyDerivation() {
    }

    /** The key for {@code label}; the caller wipes it once it made its key spec. */
    static byte[] derive(AuditSigningKey signingKey, byte[] label) {
        byte[] seed = ((EdECPrivateKey) signingKey.privateKey()).getBytes()
                .orElseThrow(() -> new IllegalStateException("The audit signing key's seed is not readable"));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(seed, ALGORITHM));
            return mac.doFinal(label);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime lacks HMAC-SHA-256", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }
}
