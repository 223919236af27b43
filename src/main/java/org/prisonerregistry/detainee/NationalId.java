package org.prisonerregistry.detainee;

/** An identity document: its kind and its number in normal form. */
public record NationalId(NationalIdKind kind, String number) {}
