package org.prisonerregistry.audit;

import java.security.PrivateKey;
import java.security.PublicKey;

/** The Ed25519 key pair that signs audit checkpoints, and the name (the log's origin) it signs under. */
public record AuditSigningKey(String name, PrivateKey privateKey, PublicKey publicKey) {

    public AuditSigningKey {
        NoteKey.requireValidName(name);
        if (privateKey == null || !"EdDSA".equals(privateKey.getAlgorithm()) && !"Ed25519".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("The audit signing key must be an Ed25519 private key");
        }
        byte[] probe = "prisoner-registry audit key check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!Ed25519.verify(publicKey, probe, Ed25519.sign(privateKey, probe))) {
            throw new IllegalArgumentException("The audit public key does not belong to the private key");
        }
    }

    public NoteKey noteKey() {
        return new NoteKey(name, publicKey);
    }

    @Override
    public String toString() {
        // never the private key: records print every component by default
        return "AuditSigningKey[" + noteKey().verifierKey() + "]";
    }
}
