package org.prisonerregistry.common;

/** The caller may not do this at all in their role, whatever the input. The message names no value. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
