package org.prisonerregistry.audit;

/**
 * An event as stored in the log: its place in the one total order, its content, the leaf hash
 * sealed with it, the leaf's MAC ({@link LeafMac}; null where none was stored) and the tag it was
 * staged with ({@link StagingMac}; null where none was stored).
 */
public record LoggedEvent(long seq, AuditEvent event, TreeHash leafHash, byte[] leafMac, StagingTag staging) {

    public LoggedEvent(long seq, AuditEvent event, TreeHash leafHash) {
        this(seq, event, leafHash, null, null);
    }

    public LoggedEvent(long seq, AuditEvent event, TreeHash leafHash, byte[] leafMac) {
        this(seq, event, leafHash, leafMac, null);
    }

    public LoggedEvent {
        leafMac = leafMac == null ? null : leafMac.clone();
    }

    /** Seals an event at its sequence number: the leaf hash of its canonical encoding. */
    public static LoggedEvent seal(long seq, AuditEvent event) {
        return new LoggedEvent(seq, event, MerkleTree.leafHash(CanonicalEventEncoding.encode(seq, event)));
    }

    /** Seals an event at its sequence number and MACs its leaf hash. */
    public static LoggedEvent seal(long seq, AuditEvent event, LeafMac leafMac) {
        return seal(seq, event, leafMac, null);
    }

    /** Seals an event staged with {@code staging} at its sequence number and MACs its leaf hash. */
    public static LoggedEvent seal(long seq, AuditEvent event, LeafMac leafMac, StagingTag staging) {
        TreeHash leafHash = seal(seq, event).leafHash();
        return new LoggedEvent(seq, event, leafHash, leafMac.mac(seq, leafHash), staging);
    }

    @Override
    public byte[] leafMac() {
        return leafMac == null ? null : leafMac.clone();
    }

    /** Whether the content still hashes to the sealed leaf hash. */
    public boolean matchesLeafHash() {
        return seal(seq, event).leafHash().equals(leafHash);
    }
}
