package org.prisonerregistry.audit;

/**
 * A record about one person. When a sensitive field of it is read, or a mutation returns it, the
 * audit event names that person (as a keyed hash) among the subjects touched.
 */
public interface PersonalRecord {

    /** The person the record is about. */
    DataSubject dataSubject();
}
