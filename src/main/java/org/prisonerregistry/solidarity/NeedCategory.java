package org.prisonerregistry.solidarity;

/** Kinds of help a detainee or the family needs. */
public enum NeedCategory {
    LEGAL_DEFENCE, BASIC_NEEDS, HEALTH, PSYCHOLOGICAL, FAMILY, EDUCATION;

    /** Whether a need of this kind describes the person's health, which is SPECIAL data. */
    public boolean isHealth() {
        return this == HEALTH || this == PSYCHOLOGICAL;
    }
}
