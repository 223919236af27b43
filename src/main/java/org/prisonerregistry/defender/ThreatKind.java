package org.prisonerregistry.defender;

/** Kinds of incidents against a defender. */
public enum ThreatKind {
    DEATH_THREAT, HARASSMENT, SURVEILLANCE, SMEAR_CAMPAIGN, PHYSICAL_ATTACK, DIGITAL_ATTACK, JUDICIAL_HARASSMENT, OTHER
}
