package org.prisonerregistry.keys;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.TableField;

/**
 * One encrypted value as a repository read it: its ciphertext and its place (column, row, subject),
 * still sealed. It is opened where the plaintext is needed, and only there: by the field policy once
 * it admitted the field ({@code access.PolicedField}), or by a service that needs the plaintext
 * itself (an update's merge, the re-check of a blind-index hit). Opening needs the page's data keys,
 * which its {@link SealedPage} reads on the first open of any of its values.
 *
 * <p>A value this request wrote itself is {@linkplain #inHand in hand}: opening it decrypts nothing.
 * Neither {@link #toString} nor {@link #equals} ever looks at a plaintext: they show the place, and
 * compare places and ciphertexts (an in-hand value equals only itself).
 */
public final class Sealed<T> {

    private final SealedPage page;
    private final TableField<?, byte[]> column;
    private final UUID rowId;
    private final UUID subjectId;
    private final byte[] stored;
    private final Function<String, T> decode;
    /** What the value is without decrypting: in hand, the value; read from a row, what an empty column reads as. */
    private final T plain;
    /** Computed once, as String does: records holding sealed values are batch keys, hashed often. */
    private int hash;

    Sealed(SealedPage page, TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored,
           Function<String, T> decode, T absent) {
        this.page = Objects.requireNonNull(page, "page");
        this.column = Objects.requireNonNull(column, "column");
        this.rowId = rowId;
        this.subjectId = subjectId;
        this.stored = stored;
        this.decode = decode;
        this.plain = absent;
    }

    private Sealed(T value) {
        this.page = null;
        this.column = null;
        this.rowId = null;
        this.subjectId = null;
        this.stored = null;
        this.decode = null;
        this.plain = value;
    }

    /** A value the caller already holds in plaintext (just written, say): opening it decrypts nothing. */
    public static <T> Sealed<T> inHand(T value) {
        return new Sealed<>(value);
    }

    /**
     * The plaintext, decrypted now (an empty column decrypts nothing). Fails closed with
     * {@link org.prisonerregistry.crypto.DecryptionFailedException} naming only the column.
     */
    public T open() {
        if (page == null || stored == null) {
            return plain;
        }
        return decode.apply(page.opener().open(column, rowId, subjectId, stored));
    }

    /** The plaintext, for a request that destroys the page's keys when it ends. */
    public T openFor(OpenedPages request) {
        if (page != null && stored != null) {
            request.hold(page);
        }
        return open();
    }

    /** Whether there is no value at all, known without decrypting: nothing stored, or null in hand. */
    public boolean isEmpty() {
        return page == null ? plain == null : stored == null;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Sealed<?> that) || page == null || that.page == null) {
            return false;
        }
        return column.equals(that.column) && Objects.equals(rowId, that.rowId)
                && Objects.equals(subjectId, that.subjectId) && Arrays.equals(stored, that.stored);
    }

    @Override
    public int hashCode() {
        if (page == null) {
            return System.identityHashCode(this);
        }
        int h = hash;
        if (h == 0) {
            h = (column.getName().hashCode() * 31 + Objects.hashCode(rowId)) * 31 + Arrays.hashCode(stored);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return page == null ? "Sealed[in hand]" : "Sealed[" + FieldSealing.tableOf(column) + "." + column.getName() + "]";
    }
}
