package org.prisonerregistry.detainee;

/** Gender as the person states it. */
public enum Gender {
    FEMALE, MALE, NON_BINARY, UNDISCLOSED
}
