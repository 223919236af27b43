package org.prisonerregistry.audit;

/** A signed checkpoint that does not verify, with the reason. */
public final class CheckpointRejectedException extends Exception {

    public CheckpointRejectedException(String reason) {
        super(reason);
    }
}
