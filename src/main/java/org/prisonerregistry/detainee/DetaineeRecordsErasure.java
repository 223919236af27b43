package org.prisonerregistry.detainee;

import java.util.UUID;

/**
 * What another package keeps about a detainee, as {@code eraseDetainee} needs it: every package
 * with rows that belong to a detainee (detentions, cases, support) implements this, so erasure
 * reaches all of them without the detainee package knowing their tables.
 */
public interface DetaineeRecordsErasure {

    /**
     * Clears every encrypted column of the person's rows (sets them to null). Their data key is
     * destroyed as well, which already makes the ciphertexts noise; clearing them keeps the live
     * database from holding noise that reads as "undecryptable" instead of "erased".
     */
    void clearEncryptedFields(UUID detaineeId);

    /** Deletes the person's rows, when the caller asks to drop the record; runs before the detainee row goes. */
    void deleteRows(UUID detaineeId);
}
