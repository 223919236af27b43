package org.prisonerregistry.crypto;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an encrypted field lives: rebuilt from the row being read, never from the stored bytes,
 * and bound into the ciphertext as associated data so a value copied elsewhere fails to decrypt.
 *
 * @param keyVersion the version of the subject's data key the row says it was written with
 */
public record FieldContext(String table, String column, UUID rowId, UUID subjectId, int keyVersion) {

    public FieldContext {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(subjectId, "subjectId");
        if (keyVersion < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
    }

    /** {@code table.column}: the only thing error messages say about a field. */
    public String place() {
        return table + "." + column;
    }
}
