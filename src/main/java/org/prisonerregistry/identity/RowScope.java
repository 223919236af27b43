package org.prisonerregistry.identity;

/** Which rows a role reaches; {@code me} reports it to the caller. */
public enum RowScope {
    ASSIGNED_CASES,
    ORGANISATION_CASELOAD,
    ALL_ROWS_INTERNAL_ONLY,
    AGGREGATES_ONLY,
    DEFENDERS_AND_THREATS,
    AUDIT_LOG;

    /** An exhaustive switch, so that a new role does not compile until its scope is decided. */
    public static RowScope of(Role role) {
        return switch (role) {
            case ANALYST -> AGGREGATES_ONLY;
            case COORDINATOR -> ORGANISATION_CASELOAD;
            case LAWYER -> ASSIGNED_CASES;
            case PROTECTION_OFFICER -> DEFENDERS_AND_THREATS;
            case AUDITOR -> AUDIT_LOG;
            case ADMIN -> ALL_ROWS_INTERNAL_ONLY;
        };
    }
}
