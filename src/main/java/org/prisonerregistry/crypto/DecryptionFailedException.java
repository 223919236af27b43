package org.prisonerregistry.crypto;

/**
 * A stored value could not be decrypted or authenticated. The message names the place
 * (table.column, or the subject's data key), never a value or a key.
 */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(String message) {
        // No cause on purpose: nothing a primitive says about the bytes travels further.
        super(message, null, false, false);
    }
}
