package org.prisonerregistry.keys;

/** The keyring cannot be opened or does not fit the database: the registry refuses to start or to answer. */
public final class KeyringUnavailableException extends IllegalStateException {

    KeyringUnavailableException(String message) {
        super(message);
    }

    KeyringUnavailableException(String message, Throwable cause) {
        // Causes are KeyringException or I/O errors, whose messages name files and versions, never keys.
        super(message, cause);
    }
}
