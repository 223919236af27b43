package org.prisonerregistry.audit;

/** A checkpoint row: the size and root it claims, and the signed note that proves them. */
public record StoredCheckpoint(long size, TreeHash root, String note) {
}
