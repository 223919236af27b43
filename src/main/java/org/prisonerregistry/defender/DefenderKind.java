package org.prisonerregistry.defender;

/** What kind of work puts a defender at risk. */
public enum DefenderKind {
    LAWYER, HUMAN_RIGHTS_DEFENDER, JOURNALIST, FAMILY_REPRESENTATIVE, OTHER
}
