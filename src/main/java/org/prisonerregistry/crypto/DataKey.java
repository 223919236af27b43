package org.prisonerregistry.crypto;

import java.util.Arrays;
import java.util.UUID;

/**
 * One subject's (detainee's, defender's) 256-bit data key, unwrapped. Not a record on purpose: the
 * key bytes have no public accessor and never appear in {@code toString}, so they cannot leave this
 * package except wrapped.
 */
public final class DataKey {

    private final UUID subjectId;
    private final int version;
    private final byte[] key;
    private final CommittingKey fieldKey;

    DataKey(UUID subjectId, int version, byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a data key is 256 bits");
        }
        if (version < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
        this.subjectId = subjectId;
        this.version = version;
        this.key = key.clone();
        // Derived once per unwrap, so a page of fields pays no per-field key derivation.
        this.fieldKey = new CommittingKey(key, "field");
    }

    public UUID subjectId() {
        return subjectId;
    }

    public int version() {
        return version;
    }

    byte[] material() {
        return key;
    }

    CommittingKey fieldKey() {
        return fieldKey;
    }

    /** Overwrites the key bytes; use when a request is done with a subject. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        fieldKey.destroy();
    }

    @Override
    public String toString() {
        return "DataKey[subject=" + subjectId + ", version=" + version + "]";
    }
}
