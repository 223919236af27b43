package org.prisonerregistry.detainee;

/** Occupation or affiliation categories. */
public enum Affiliation {
    STUDENT, WORKER, TRADE_UNIONIST, JOURNALIST, HUMAN_RIGHTS_DEFENDER, POLITICAL_ACTIVIST, ARTIST, INDIGENOUS_LEADER, UNEMPLOYED, OTHER, UNKNOWN
}
