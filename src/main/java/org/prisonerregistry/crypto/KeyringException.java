package org.prisonerregistry.crypto;

/** The keyring cannot be used: absent, unreadable, tampered with, wrong passphrase, missing or retired key version. */
public final class KeyringException extends RuntimeException {

    KeyringException(String message) {
        super(message);
    }

    KeyringException(String message, Throwable cause) {
        // Only I/O causes are chained; they name files, never key material.
        super(message, cause);
    }
}
