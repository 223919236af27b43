package org.prisonerregistry.audit;

/** The first place where the audit log fails verification, and why. */
public record AuditProblem(Place place, long position, String reason) {

    /** What {@code position} counts. */
    public enum Place {
        /** {@code position} is the sequence number of the first bad event. */
        EVENT,
        /** {@code position} is the tree size of the first bad checkpoint stored in the database. */
        CHECKPOINT,
        /** {@code position} is the tree size of the checkpoint kept outside the database. */
        EXTERNAL_CHECKPOINT,
        /**
         * {@code position} is the sequence number of the first record the sealer wrote in place of a
         * staged row it refused: the log is sound there, but it records an attack on the staging table.
         */
        REFUSED_EVENT,
        /** {@code position} is the size the chain head counts (-1 when the head is missing). */
        CHAIN_HEAD
    }

    @Override
    public String toString() {
        return switch (place) {
            case EVENT -> "event " + position + ": " + reason;
            case CHECKPOINT -> "checkpoint at size " + position + ": " + reason;
            case EXTERNAL_CHECKPOINT -> "external checkpoint at size " + position + ": " + reason;
            case REFUSED_EVENT -> "refused staged event, recorded at event " + position + ": " + reason;
            case CHAIN_HEAD -> "chain head at size " + position + ": " + reason;
        };
    }
}
