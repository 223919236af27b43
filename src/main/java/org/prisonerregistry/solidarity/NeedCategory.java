package org.prisonerregistry.solidarity;

/** Kinds of help a detainee or the family needs. */
public enum NeedCategory {
    LEGAL_DEFENCE, BASIC_NEEDS, HEALTH, PSYCHOLOGICAL, FAMILY, EDUCATION
}
