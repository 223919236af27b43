package org.prisonerregistry.audit;

import java.nio.ByteBuffer;
import java.util.Base64;

/** Signs checkpoints as C2SP signed notes with the audit signing key. */
public final class CheckpointSigner {

    private final AuditSigningKey key;
    private final byte[] keyId;

    public CheckpointSigner(AuditSigningKey key) {
        this.key = key;
        this.keyId = key.noteKey().keyId();
    }

    /** The checkpoint of this log (origin = key name) at {@code size} with {@code root}. */
    public Checkpoint checkpoint(long size, TreeHash root) {
        return new Checkpoint(key.name(), size, root);
    }

    /** The signed note: checkpoint text, a blank line, one signature line "— name base64(key ID || signature)". */
    public String sign(Checkpoint checkpoint) {
        if (!checkpoint.origin().equals(key.name())) {
            throw new IllegalArgumentException("This key signs checkpoints of " + key.name() + ", not " + checkpoint.origin());
        }
        byte[] signature = Ed25519.sign(key.privateKey(), checkpoint.textBytes());
        byte[] line = ByteBuffer.allocate(keyId.length + signature.length).put(keyId).put(signature).array();
        return checkpoint.text() + "\n" + CheckpointVerifier.SIGNATURE_LINE_START + key.name() + " "
                + Base64.getEncoder().encodeToString(line) + "\n";
    }
}
