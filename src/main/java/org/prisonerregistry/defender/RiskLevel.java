package org.prisonerregistry.defender;

/** A protection officer's assessment of the danger a defender is in. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, CRITICAL
}
