package org.prisonerregistry.keys;

/** The kinds of people who have a data key of their own. */
public enum SubjectKind {
    DETAINEE,
    DEFENDER
}
