package org.prisonerregistry.legal;

/** Where an appeal against a sentence stands. */
public enum AppealStatus {
    NOT_APPEALED, PENDING, UPHELD, REDUCED, OVERTURNED
}
