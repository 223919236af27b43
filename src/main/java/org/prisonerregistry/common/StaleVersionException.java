package org.prisonerregistry.common;

/** An update based on an old version of a record: someone else changed it in between. */
public final class StaleVersionException extends RuntimeException {

    public StaleVersionException(String entity, Object id, int givenVersion) {
        super("The " + entity + " " + id + " was changed by someone else since version " + givenVersion
                + "; reload it and apply your change again");
    }
}
