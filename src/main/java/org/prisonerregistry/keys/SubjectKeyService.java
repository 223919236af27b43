package org.prisonerregistry.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.prisonerregistry.crypto.DataKey;
import org.prisonerregistry.crypto.NewDataKey;
import org.prisonerregistry.crypto.SubjectKeys;
import org.prisonerregistry.keys.CurrentKeyring.Snapshot;
import org.prisonerregistry.keys.SubjectKeyRepository.StoredKey;
import org.springframework.stereotype.Service;

/**
 * Each subject's (detainee's, defender's) data key: created wrapped on first use, unwrapped a page
 * at a time, destroyed on erasure. Callers destroy the {@link DataKey}s they got when done.
 */
@Service
public class SubjectKeyService {

    static final int FIRST_DATA_KEY_VERSION = 1;

    private final SubjectKeyRepository keys;
    private final CurrentKeyring keyring;

    SubjectKeyService(SubjectKeyRepository keys, CurrentKeyring keyring) {
        this.keys = keys;
        this.keyring = keyring;
    }

    /**
     * The subject's data key, created and stored wrapped if they have none yet. Safe when several
     * requests ask at once: one key is stored (insert … on conflict do nothing) and all get that one.
     */
    public DataKey dataKeyFor(UUID subjectId, SubjectKind kind) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(kind, "kind");
        var existing = keys.latest(subjectId);
        if (existing.isPresent()) {
            return unwrapChecked(existing.get(), kind);
        }
        if (keys.isErased(subjectId)) {
            throw new SubjectErasedException();
        }
        NewDataKey fresh = keyring.current().subjectKeys().generate(subjectId, FIRST_DATA_KEY_VERSION);
        if (keys.insertIfAbsent(subjectId, kind, FIRST_DATA_KEY_VERSION, fresh.wrapped(),
                SubjectKeys.masterVersionOf(fresh.wrapped()))) {
            return fresh.key();
        }
        fresh.key().destroy();
        StoredKey winner = keys.latest(subjectId).orElseThrow(() -> new IllegalStateException(
                "The data key of subject " + subjectId + " was neither stored nor found"));
        return unwrapChecked(winner, kind);
    }

    /**
     * The data keys of these subjects, read in one statement and each unwrapped once. Subjects
     * without a key are absent from the answer. Fails closed when any key cannot be unwrapped.
     */
    public Map<UUID, DataKey> unwrapAll(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        List<StoredKey> rows = keys.latestOf(new LinkedHashSet<>(subjectIds));
        Map<UUID, DataKey> unwrapped = new HashMap<>();
        List<UUID> rewrappedMeanwhile = new ArrayList<>();
        Snapshot snapshot = keyring.current();
        for (StoredKey row : rows) {
            int masterVersion = SubjectKeys.masterVersionOf(row.wrapped());
            if (masterVersion < snapshot.keyring().minimumDecryptionVersion()) {
                rewrappedMeanwhile.add(row.subjectId());
                continue;
            }
            if (masterVersion > snapshot.keyring().currentVersion()) {
                snapshot = keyring.reloadForUnknownVersion();
            }
            unwrapped.put(row.subjectId(), snapshot.subjectKeys().unwrap(row.wrapped(), row.subjectId(), row.dataKeyVersion()));
        }
        if (!rewrappedMeanwhile.isEmpty()) {
            // Read before a rotation's last batch committed, unwrapped after it retired the old
            // version: read again, now under the new one. A second refusal is final.
            Snapshot now = keyring.current();
            for (StoredKey row : keys.latestOf(rewrappedMeanwhile)) {
                unwrapped.put(row.subjectId(), now.subjectKeys().unwrap(row.wrapped(), row.subjectId(), row.dataKeyVersion()));
            }
        }
        return unwrapped;
    }

    /**
     * Deletes every wrapped data key of the subject: crypto-shredding. Whatever was encrypted under
     * them, in the database and in every backup, can no longer be decrypted. The subject is remembered
     * as erased, so no new key is ever made for them. Returns how many keys were deleted.
     */
    public int destroy(UUID subjectId) {
        keys.markErased(subjectId);
        return keys.delete(subjectId);
    }

    private DataKey unwrapChecked(StoredKey row, SubjectKind kind) {
        if (row.kind() != kind) {
            throw new IllegalStateException("Subject " + row.subjectId() + " has a data key as a " + row.kind() + ", not as a " + kind);
        }
        Snapshot snapshot = keyring.current();
        int masterVersion = SubjectKeys.masterVersionOf(row.wrapped());
        if (masterVersion > snapshot.keyring().currentVersion()) {
            snapshot = keyring.reloadForUnknownVersion();
        } else if (masterVersion < snapshot.keyring().minimumDecryptionVersion()) {
            // Rewrapped by a rotation since it was read (see unwrapAll): read it again.
            row = keys.latest(row.subjectId()).orElse(row);
            snapshot = keyring.current();
        }
        return snapshot.subjectKeys().unwrap(row.wrapped(), row.subjectId(), row.dataKeyVersion());
    }
}
