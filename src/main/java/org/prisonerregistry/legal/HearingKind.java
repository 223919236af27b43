package org.prisonerregistry.legal;

/** Kinds of court hearings, as Chilean criminal procedure names them (and their equivalents elsewhere). */
public enum HearingKind {
    DETENTION_CONTROL, FORMALISATION, PRECAUTIONARY_MEASURES_REVIEW, PREPARATORY, TRIAL, SENTENCING, APPEAL, OTHER
}
