package org.prisonerregistry.audit;

/** An event as stored in the log: its place in the one total order, its content and the leaf hash sealed with it. */
public record LoggedEvent(long seq, AuditEvent event, TreeHash leafHash) {

    /** Seals an event at its sequence number: the leaf hash of its canonical encoding. */
    public static LoggedEvent seal(long seq, AuditEvent event) {
        return new LoggedEvent(seq, event, MerkleTree.leafHash(CanonicalEventEncoding.encode(seq, event)));
    }

    /** Whether the content still hashes to the sealed leaf hash. */
    public boolean matchesLeafHash() {
        return seal(seq, event).leafHash().equals(leafHash);
    }
}
