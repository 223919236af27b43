package org.prisonerregistry.keys;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.jooq.TableField;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.FieldContext;

/**
 * Decrypts fields of a page of subjects with keys unwrapped once for the page. Fails closed: a
 * stored value whose subject has no key, or that does not authenticate for its place, throws
 * {@link DecryptionFailedException} naming only the column — never plaintext, never a guess.
 * An erased person's columns are cleared along with their key, so they read as {@code null}.
 */
public final class SubjectOpener implements AutoCloseable {

    private final FieldCipher cipher;
    private final Map<UUID, DataKey> keys;
    private final LongAdder opened;

    SubjectOpener(FieldCipher cipher, Map<UUID, DataKey> keys, LongAdder opened) {
        this.cipher = cipher;
        this.keys = keys;
        this.opened = opened;
    }

    /**
     * The plaintext of {@code stored}, read from {@code column} of row {@code rowId} that belongs to
     * {@code subjectId}; the place is taken from the row, never from the stored bytes.
     */
    public String open(TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored) {
        if (stored == null) {
            return null;
        }
        String place = FieldSealing.tableOf(column) + "." + column.getName();
        DataKey key = keys.get(subjectId);
        if (key == null) {
            throw new DecryptionFailedException("cannot decrypt " + place + ": its subject has no data key");
        }
        opened.increment();
        return cipher.decryptText(stored, new FieldContext(FieldSealing.tableOf(column), column.getName(), rowId,
                subjectId, key.version()), key);
    }

    public LocalDate openDate(TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored) {
        String text = open(column, rowId, subjectId, stored);
        return text == null ? null : LocalDate.parse(text);
    }

    @Override
    public void close() {
        keys.values().forEach(DataKey::destroy);
    }
}
