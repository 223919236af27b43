package org.prisonerregistry.reference;

/** Kinds of places of detention. */
public enum FacilityKind {
    PRISON, REMAND_CENTRE, POLICE_STATION, PENAL_COLONY, YOUTH_CENTRE, PSYCHIATRIC_FACILITY, OTHER
}
