package org.prisonerregistry.keys;

import java.time.LocalDate;
import java.util.UUID;

import org.jooq.TableField;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.FieldContext;

/** Encrypts the fields of one subject under their data key; {@code null} stays {@code null}. */
public final class SubjectSealer implements AutoCloseable {

    private final FieldCipher cipher;
    private final DataKey key;

    SubjectSealer(FieldCipher cipher, DataKey key) {
        this.cipher = cipher;
        this.key = key;
    }

    public UUID subjectId() {
        return key.subjectId();
    }

    /** The stored form of {@code plaintext} in {@code column} of row {@code rowId}. */
    public byte[] seal(TableField<?, byte[]> column, UUID rowId, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return cipher.encryptText(plaintext, context(column, rowId), key);
    }

    public byte[] seal(TableField<?, byte[]> column, UUID rowId, LocalDate date) {
        return date == null ? null : seal(column, rowId, date.toString());
    }

    private FieldContext context(TableField<?, byte[]> column, UUID rowId) {
        return new FieldContext(FieldSealing.tableOf(column), column.getName(), rowId, key.subjectId(), key.version());
    }

    @Override
    public void close() {
        key.destroy();
    }
}
