package org.prisonerregistry.crypto;

/** A freshly generated data key, and the wrapped form to store with the subject. */
public record NewDataKey(DataKey key, byte[] wrapped) {
}
