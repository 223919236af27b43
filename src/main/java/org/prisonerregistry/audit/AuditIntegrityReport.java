package org.prisonerregistry.audit;

/**
 * The verdict on the audit log, with what it covered.
 *
 * @param verdict             events and checkpoints checked, and the first problem if any
 * @param pendingEvents       events written but not yet sealed (they wait at most the sealing interval)
 * @param externalCheckpoints checkpoints read from the checkpoint file
 * @param verifierKey         the public key that signs checkpoints, as a partner's witness configures it
 */
public record AuditIntegrityReport(AuditVerdict verdict, long pendingEvents, int externalCheckpoints, String verifierKey) {

    /** One line per fact, for the command line and the log. */
    public String summary() {
        String head = verdict.intact() ? "Audit log intact" : "Audit log NOT intact: " + verdict.firstProblem().orElseThrow();
        return head + "\n"
                + "  events checked: " + verdict.events() + " (another " + pendingEvents + " waiting to be sealed)\n"
                + "  checkpoints checked: " + verdict.checkpoints() + " in the database, " + externalCheckpoints
                + " in the checkpoint file; signed up to size " + verdict.sealedSize() + "\n"
                + "  checkpoint key: " + verifierKey;
    }
}
