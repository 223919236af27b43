package org.prisonerregistry.keys;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.jooq.TableField;
import org.prisonerregistry.crypto.BlindIndex;
import org.prisonerregistry.crypto.FieldCipher;
import org.prisonerregistry.crypto.IndexColumn;
import org.prisonerregistry.crypto.NewDataKey;
import org.prisonerregistry.crypto.SearchNormaliser;
import org.springframework.stereotype.Service;

/**
 * The one door to encrypted columns for the repositories: seals a subject's fields before they are
 * written, hands a page of subjects' fields up sealed ({@link #page}) to be opened only where the
 * plaintext is needed, and computes blind indexes for exact-match search. Keys are unwrapped once per
 * subject and page, never per field, and the keyring file is looked at once per call here, not per field.
 */
@Service
public class FieldSealing {

    private final SubjectKeyService keys;
    private final CurrentKeyring keyring;
    private final FieldCipher cipher = new FieldCipher();
    // The index key never changes with master-key rotation, so one BlindIndex (with its derived
    // per-column keys) serves for the life of the process.
    private final BlindIndex blindIndex;
    // Every stored value decrypted, for tests and for whoever watches the process: one add per value.
    private final LongAdder opened = new LongAdder();

    FieldSealing(SubjectKeyService keys, CurrentKeyring keyring) {
        this.keys = keys;
        this.keyring = keyring;
        this.blindIndex = new BlindIndex(keyring.current().keyring());
    }

    /** Seals fields of one subject, creating the subject's data key on first use. Close it when done. */
    public SubjectSealer sealerFor(UUID subjectId, SubjectKind kind) {
        return new SubjectSealer(cipher, keys.dataKeyFor(subjectId, kind));
    }

    /**
     * Opens the fields of these subjects: their keys read in one statement and unwrapped now, once
     * each. Close it when done, which overwrites the keys. Repositories use {@link #page} instead,
     * which reads the keys only once something is opened; this is for whatever opens all it reads.
     */
    public SubjectOpener openerFor(Collection<UUID> subjectIds) {
        return new SubjectOpener(cipher, keys.unwrapAll(subjectIds), opened);
    }

    /**
     * A page of rows of these subjects, whose encrypted values stay sealed until opened: their keys
     * are read in one statement on the first open, and not at all if nothing is opened.
     */
    public SealedPage page(Collection<UUID> subjectIds) {
        return new SealedPage(this, List.copyOf(new LinkedHashSet<>(subjectIds)));
    }

    /**
     * A new subject's data key for bulk loading (the demo seeder), which writes the wrapped key
     * itself in the same load: the sealer for its fields and the row for {@code subject_key}.
     */
    public BulkSubject newSubjectForBulkLoad(UUID subjectId, SubjectKind kind) {
        Objects.requireNonNull(kind, "kind");
        NewDataKey fresh = keyring.current().subjectKeys().generate(subjectId, SubjectKeyService.FIRST_DATA_KEY_VERSION);
        return new BulkSubject(new SubjectSealer(cipher, fresh.key()), subjectId, kind,
                SubjectKeyService.FIRST_DATA_KEY_VERSION, fresh.wrapped(),
                org.prisonerregistry.crypto.SubjectKeys.masterVersionOf(fresh.wrapped()));
    }

    /** A subject created by {@link #newSubjectForBulkLoad}: its sealer and its {@code subject_key} row. */
    public record BulkSubject(SubjectSealer sealer, UUID subjectId, SubjectKind kind, int dataKeyVersion,
                              byte[] wrappedKey, int masterVersion) {}

    /** The blind index of {@code raw} for the column, or empty when the normaliser rejects the text. */
    public Optional<byte[]> blindIndex(IndexColumn column, SearchNormaliser normaliser, String raw) {
        return blindIndex.of(column, normaliser, raw);
    }

    /** How many stored values this process has decrypted so far, whoever asked. */
    public long valuesOpened() {
        return opened.sum();
    }

    /** Says which encrypted column a jOOQ field is, for error messages and associated data. */
    static String tableOf(TableField<?, ?> column) {
        return column.getTable().getName();
    }
}
