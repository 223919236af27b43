package org.prisonerregistry.keys;

import java.lang.ref.Cleaner;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jooq.TableField;

/**
 * The sealed values of one page of rows, and the data keys to open them with. The keys are read in
 * one statement and unwrapped once each on the first open of any value of the page, never per
 * field; a page of which nothing is opened reads no keys at all.
 *
 * <p>Closing overwrites the keys, and a value opened after that fails. Who closes: the GraphQL
 * request that opened values of the page, when it ends ({@link OpenedPages}); a service that opens
 * values for itself, when it is done; and, for a page nobody closed, the garbage collector once the
 * page is unreachable (a {@link Cleaner}), so an unwrapped key never outlives its page.
 */
public final class SealedPage implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final FieldSealing sealing;
    private final List<UUID> subjectIds;
    private final Keys keys = new Keys();
    private Cleaner.Cleanable cleanable;

    SealedPage(FieldSealing sealing, List<UUID> subjectIds) {
        this.sealing = sealing;
        this.subjectIds = subjectIds;
    }

    /** The sealed value of {@code column} in row {@code rowId} of {@code subjectId}, as text. */
    public Sealed<String> text(TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored) {
        return value(column, rowId, subjectId, stored, Function.identity(), null);
    }

    public Sealed<LocalDate> date(TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored) {
        return value(column, rowId, subjectId, stored, LocalDate::parse, null);
    }

    /** A sealed value read as {@code decode} makes it of its text; an empty column reads as {@code absent}. */
    public <T> Sealed<T> value(TableField<?, byte[]> column, UUID rowId, UUID subjectId, byte[] stored,
                               Function<String, T> decode, T absent) {
        return new Sealed<>(this, column, rowId, subjectId, stored, decode, absent);
    }

    /** The page's opener, its keys read and unwrapped on the first call. */
    synchronized SubjectOpener opener() {
        if (keys.closed) {
            throw new IllegalStateException("The data keys of this page were destroyed: its values are opened "
                    + "before its request ends");
        }
        if (keys.opener == null) {
            keys.opener = sealing.openerFor(subjectIds);
            cleanable = CLEANER.register(this, keys);
        }
        return keys.opener;
    }

    /** Overwrites the page's keys, if any were unwrapped; idempotent. */
    @Override
    public synchronized void close() {
        keys.closed = true;
        if (cleanable != null) {
            cleanable.clean();
        }
    }

    /** The unwrapped keys, apart from the page so that the cleaner can destroy them once the page is gone. */
    private static final class Keys implements Runnable {
        private volatile SubjectOpener opener;
        private volatile boolean closed;

        @Override
        public void run() {
            closed = true;
            SubjectOpener unwrapped = opener;
            if (unwrapped != null) {
                unwrapped.close();
            }
        }
    }
}
