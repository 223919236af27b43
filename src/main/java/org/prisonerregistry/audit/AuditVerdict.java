package org.prisonerregistry.audit;

import java.util.Optional;

/**
 * The outcome of verifying the audit log.
 *
 * @param events         events checked
 * @param checkpoints    stored checkpoints checked
 * @param sealedSize     the size of the last good checkpoint: events after it are not yet covered by a signature
 * @param firstProblem   the first place the log fails, if any
 */
public record AuditVerdict(long events, int checkpoints, long sealedSize, Optional<AuditProblem> firstProblem) {

    public boolean intact() {
        return firstProblem.isEmpty();
    }
}
