package org.prisonerregistry.detainee;

/** Kinds of identity documents. */
public enum NationalIdKind {
    CL_RUT, BY_PASSPORT, BY_ID_CARD, PASSPORT, OTHER
}
