package org.prisonerregistry.common;

/** A record that does not exist (or, once access control lands, that the caller may not see). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String entity, Object id) {
        super("No " + entity + " with id " + id);
    }
}
