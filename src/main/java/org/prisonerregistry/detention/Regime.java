package org.prisonerregistry.detention;

/** Regimes of deprivation of liberty, and the two states after release. */
public enum Regime {
    POLICE_CUSTODY, PRETRIAL_DETENTION, HOUSE_ARREST_TOTAL, HOUSE_ARREST_NIGHT, SERVING_SENTENCE,
    RELEASED_AWAITING_TRIAL, RELEASED;

    public boolean isReleased() {
        return this == RELEASED_AWAITING_TRIAL || this == RELEASED;
    }
}
