package org.prisonerregistry.legal;

/** Stages of a criminal proceeding, in the order a case usually passes through them. */
public enum CaseStage {
    INVESTIGATION, FORMALISED, TRIAL, SENTENCED, APPEAL, CLOSED
}
