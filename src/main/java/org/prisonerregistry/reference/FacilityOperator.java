package org.prisonerregistry.reference;

/** Who runs a facility. */
public enum FacilityOperator {
    PUBLIC, PRIVATE_CONCESSION
}
