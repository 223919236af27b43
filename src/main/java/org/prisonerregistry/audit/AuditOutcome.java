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
    /** Bulk reads of SPECIAL data raised an alert. */
    ALERT
}
