package org.prisonerregistry.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.TableField;
import org.prisonerregistry.crypto.FieldCipher;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

/**
 * What an encrypted column holds, read and overwritten with plain SQL past the repositories: how an
 * insider with database access sees it, and how tamper tests change it.
 */
public final class StoredCiphertexts {

    /** The first byte of every value crypto.FieldCipher writes. */
    public static final byte FORMAT_VERSION = 0x01;

    private final DSLContext db;

    public StoredCiphertexts(DSLContext db) {
        this.db = db;
    }

    /** The bytes stored in {@code column} of the row with this id (null if the column is null). */
    public byte[] of(TableField<?, byte[]> column, UUID rowId) {
        return db.select(column).from(column.getTable()).where(idOf(column).eq(rowId)).fetchSingle(column);
    }

    /** Overwrites {@code column} of the row with {@code stored}, as an attacker with write access could. */
    public void put(TableField<?, byte[]> column, UUID rowId, byte[] stored) {
        int updated = db.update(column.getTable()).set(column, stored).where(idOf(column).eq(rowId)).execute();
        assertThat(updated).as("rows updated in %s", column.getTable().getName()).isEqualTo(1);
    }

    /** A copy of {@code stored} with one bit of byte {@code index} flipped. */
    public static byte[] withBitFlipped(byte[] stored, int index) {
        byte[] tampered = Arrays.copyOf(stored, stored.length);
        tampered[index] ^= 0x01;
        return tampered;
    }

    /** Checks that {@code column} of the row holds a ciphertext in the field format, not the plaintext. */
    public void assertSealed(TableField<?, byte[]> column, UUID rowId, String plaintext) {
        byte[] stored = of(column, rowId);
        assertThat(stored).as("%s.%s", column.getTable().getName(), column.getName()).isNotNull();
        assertThat(stored[0]).as("format byte").isEqualTo(FORMAT_VERSION);
        assertThat(stored.length).isGreaterThan(plaintext.getBytes(StandardCharsets.UTF_8).length);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(plaintext);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
    }

    /**
     * {@code stored} is a ciphertext in crypto.FieldCipher's format (format byte 0x01, its overhead on
     * top of the plaintext) and does not contain the plaintext's bytes anywhere.
     */
    public static void assertSealed(byte[] stored, String plaintext) {
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        assertThat(stored).as("stored ciphertext").isNotNull().hasSize(clear.length + FieldCipher.OVERHEAD);
        assertThat(stored[0]).as("format byte").isEqualTo(FORMAT_VERSION);
        // Latin-1 maps each byte to one char, so this looks for the plaintext's bytes as a run.
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).as("stored ciphertext")
                .doesNotContain(new String(clear, StandardCharsets.ISO_8859_1));
    }

    /**
     * Checks an answer to a read of a value that does not decrypt: one INTERNAL_ERROR that names the
     * place ({@code table.column}) and says nothing of any plaintext.
     */
    public static void assertUndecryptable(List<ResponseError> errors, String place, String... plaintexts) {
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
            assertThat(e.getMessage()).contains("cannot decrypt " + place + ":").contains("incident");
            for (String plaintext : plaintexts) {
                assertThat(e.getMessage()).doesNotContain(plaintext);
                assertThat(e.getExtensions().toString()).doesNotContain(plaintext);
            }
        });
    }

    /**
     * Runs {@code check} while the subject's wrapped data keys are out of the database, then puts them
     * back. Deleting them for good would leave a person whose encrypted columns nobody can read in the
     * shared test database, and every later page listing them would (rightly) fail closed.
     */
    public void withoutDataKeys(UUID subject, Runnable check) {
        var keys = db.selectFrom(SUBJECT_KEY).where(SUBJECT_KEY.SUBJECT_ID.eq(subject)).fetch();
        assertThat(keys).as("data keys of the subject").isNotEmpty();
        db.deleteFrom(SUBJECT_KEY).where(SUBJECT_KEY.SUBJECT_ID.eq(subject)).execute();
        try {
            check.run();
        } finally {
            keys.forEach(key -> {
                key.changed(true);
                db.insertInto(SUBJECT_KEY).set(key).execute();
            });
        }
    }

    private static Field<UUID> idOf(TableField<?, byte[]> column) {
        Field<UUID> id = column.getTable().field("id", UUID.class);
        assertThat(id).as("id column of %s", column.getTable().getName()).isNotNull();
        return id;
    }
}
