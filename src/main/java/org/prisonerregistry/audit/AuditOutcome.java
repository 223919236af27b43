package org.prisonerregistry.audit;

/** How an audited access ended. */
public enum AuditOutcome {
    /** The data was returned or the mutation done. */
    ALLOWED,
    /** The caller's role may not see or change this. */
    FORBIDDEN,
    /** The record is outside the caller's organisation or caseload. */
    OUT_OF_SCOPE,
    /** A SPECIAL field was asked for without a stated purpose. */
    MISSING_PURPOSE,
    /** The bearer token was refused. */
    TOKEN_REJECTED,
    /** Bulk reads of SPECIAL data raised an alert, or the sealer refused staged events it did not write. */
    ALERT,
    /**
     * Written by the sealer in place of a staged row the registry did not write (forged, edited or
     * replayed in the staging table): the row's receipt and why in the purpose, its SHA-256 in the
     * document hash, nothing else of it.
     */
    FORGED_EVENT_REFUSED
}
