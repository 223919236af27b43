package org.prisonerregistry.legal;

/** What became of a charge. */
public enum ChargeOutcome {
    PENDING, DROPPED, ACQUITTED, CONVICTED, REQUALIFIED
}
