package org.prisonerregistry.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versioned 256-bit master keys (key-encryption keys) and the separate blind-index key.
 * Immutable: rotation returns a new keyring, which the caller saves with {@link KeyringFile}.
 * Keys below the minimum decryption version are retired: kept in the file, but refused, until
 * the operator removes them ({@link #withoutRetired()}, {@code keys purge-retired}).
 */
public final class Keyring {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TreeMap<Integer, byte[]> masterKeys;
    private final Map<Integer, CommittingKey> wrappingKeys;
    private final int minimumDecryptionVersion;
    private final byte[] indexKey;

    Keyring(Map<Integer, byte[]> masterKeys, int minimumDecryptionVersion, byte[] indexKey) {
        if (masterKeys.isEmpty()) {
            throw new KeyringException("the keyring holds no master key");
        }
        this.masterKeys = new TreeMap<>();
        TreeMap<Integer, CommittingKey> wrapping = new TreeMap<>();
        masterKeys.forEach((version, key) -> {
            if (version < 1 || key.length != KEY_BYTES) {
                throw new KeyringException("the keyring holds a malformed master key (version " + version + ")");
            }
            this.masterKeys.put(version, key.clone());
            wrapping.put(version, new CommittingKey(key, "data-key-wrap"));
        });
        this.wrappingKeys = Collections.unmodifiableMap(wrapping);
        if (minimumDecryptionVersion < 1 || minimumDecryptionVersion > this.masterKeys.lastKey()) {
            throw new KeyringException("the keyring's minimum decryption version " + minimumDecryptionVersion
                    + " is outside its versions " + this.masterKeys.firstKey() + ".." + this.masterKeys.lastKey());
        }
        if (indexKey.length != KEY_BYTES) {
            throw new KeyringException("the keyring's blind-index key is malformed");
        }
        this.minimumDecryptionVersion = minimumDecryptionVersion;
        this.indexKey = indexKey.clone();
    }

    /** A new keyring: master key version 1 and a blind-index key, both from {@link SecureRandom}. */
    public static Keyring generate() {
        return new Keyring(Map.of(1, randomKey()), 1, randomKey());
    }

    /** This keyring plus master key version {@code current + 1}, which becomes the one new data keys are wrapped with. */
    public Keyring withNewMasterKey() {
        TreeMap<Integer, byte[]> next = new TreeMap<>(masterKeys);
        next.put(currentVersion() + 1, randomKey());
        return new Keyring(next, minimumDecryptionVersion, indexKey);
    }

    /** This keyring refusing every master key below {@code version}; call once every data key is rewrapped. */
    public Keyring retireBelow(int version) {
        if (version < minimumDecryptionVersion) {
            throw new KeyringException("master key versions below " + minimumDecryptionVersion
                    + " are already retired; a retired version cannot come back");
        }
        return new Keyring(masterKeys, version, indexKey);
    }

    /**
     * This keyring without its retired versions: their keys are then gone for good, so a backup whose
     * data keys were wrapped only under them, erased people's keys included, can no longer be opened.
     */
    public Keyring withoutRetired() {
        return new Keyring(masterKeys.tailMap(minimumDecryptionVersion), minimumDecryptionVersion, indexKey);
    }

    /** The version new data keys are wrapped with: the highest. */
    public int currentVersion() {
        return masterKeys.lastKey();
    }

    public int minimumDecryptionVersion() {
        return minimumDecryptionVersion;
    }

    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(masterKeys.keySet()));
    }

    CommittingKey currentWrappingKey() {
        return wrappingKeys.get(currentVersion());
    }

    /** The wrapping key of a version, refusing a version that is missing or retired. */
    CommittingKey wrappingKeyForUnwrap(int version) {
        CommittingKey key = wrappingKeys.get(version);
        if (key == null) {
            throw new KeyringException("master key version " + version + " is not in the keyring (it holds "
                    + masterKeys.firstKey() + ".." + masterKeys.lastKey() + "); supply the keyring that has it");
        }
        if (version < minimumDecryptionVersion) {
            throw new KeyringException("master key version " + version + " is retired (minimum decryption version "
                    + minimumDecryptionVersion + ")");
        }
        return key;
    }

    Map<Integer, byte[]> masterKeys() {
        return Collections.unmodifiableMap(masterKeys);
    }

    byte[] indexKey() {
        return indexKey;
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Key material never appears here. */
    @Override
    public String toString() {
        return "Keyring[versions=" + masterKeys.keySet() + ", minimumDecryptionVersion=" + minimumDecryptionVersion + "]";
    }

    void destroy() {
        masterKeys.values().forEach(k -> Arrays.fill(k, (byte) 0));
        wrappingKeys.values().forEach(CommittingKey::destroy);
        Arrays.fill(indexKey, (byte) 0);
    }
}
