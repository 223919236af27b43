package org.prisonerregistry.solidarity;

/** Where a need stands: open until it is met or no longer relevant. */
public enum NeedStatus {
    OPEN, MET, CLOSED
}
