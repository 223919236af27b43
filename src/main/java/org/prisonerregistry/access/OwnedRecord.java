package org.prisonerregistry.access;

/**
 * A record that belongs to a person who logs in: the {@code SELF} audience of a field policy admits
 * a caller whose token subject is this owner, in whatever role.
 */
public interface OwnedRecord {

    /** The login subject of the person the record is about, or null when they do not log in. */
    String ownerSubject();
}
