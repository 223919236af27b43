package org.prisonerregistry.keys;

import org.prisonerregistry.crypto.DecryptionFailedException;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.KeyringException;
import org.prisonerregistry.crypto.SubjectKeys;
import org.prisonerregistry.database.DatabaseProperties;
import org.prisonerregistry.keys.KeyringLocation.FileIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keyring this process uses, opened at start-up (which it stops when the keyring cannot be
 * opened or does not open the database's keys). Another process may rotate while this one runs
 * ({@code keys rotate}): whenever the file has been replaced since it was read, it is read again,
 * so new data keys are wrapped under the newest version and retired versions are refused.
 */
@Component
class CurrentKeyring {

    private static final Logger log = LoggerFactory.getLogger(CurrentKeyring.class);

    private final KeyringLocation location;
    private volatile Snapshot snapshot;

    /** A keyring as read from a version of the file. */
    record Snapshot(Keyring keyring, SubjectKeys subjectKeys, FileIdentity file) {}

    CurrentKeyring(KeyringProperties properties, DatabaseProperties database, SubjectKeyRepository keys) {
        this.location = KeyringLocation.of(properties, database.dataDir());
        if (!location.exists()) {
            if (location.configured()) {
                throw new KeyringUnavailableException("The keyring cannot be opened: REGISTRY_KEYRING_FILE names "
                        + location.file() + ", which does not exist");
            }
            int stored = keys.count();
            if (stored > 0) {
                throw new KeyringUnavailableException("The database holds " + stored + " data keys but there is no keyring at "
                        + location.file() + "; a new keyring could not open them. Restore the keyring file from where you "
                        + "keep it apart, or point REGISTRY_KEYRING_FILE at it");
            }
        }
        Keyring keyring = location.open(true);
        this.snapshot = new Snapshot(keyring, new SubjectKeys(keyring), location.identity());
        keys.any().ifPresent(this::requireOpens);
        log.info("Keyring: {}{}, master key versions {}..{}, minimum decryption version {}", location.file(),
                location.passphraseProtected() ? " (passphrase-protected)" : "", keyring.versions().first(),
                keyring.currentVersion(), keyring.minimumDecryptionVersion());
        if (location.insideDataDir()) {
            log.warn("Keyring: {} sits in the data folder, beside the data it protects: whoever copies the folder "
                    + "(a backup, a stolen disk) can read everything. Fine for trying the registry, wrong for real "
                    + "records; see the README, section \"Keys\", to keep it apart (REGISTRY_KEYRING_FILE) and "
                    + "protect it with a passphrase", location.file());
        }
    }

    /** The keyring, read again first if the file was replaced since. */
    Snapshot current() {
        Snapshot current = snapshot;
        FileIdentity file = location.identity();
        if (file == null || file.sameAs(current.file())) {
            // Unreadable for a moment (being replaced, an unmounted secret): the keys in memory stay valid.
            return current;
        }
        return reload(false);
    }

    /** Reads the file again even if it looks unchanged: a key names a master version this process does not know. */
    Snapshot reloadForUnknownVersion() {
        return reload(true);
    }

    private synchronized Snapshot reload(boolean force) {
        FileIdentity file = location.identity();
        if (!force && file != null && file.sameAs(snapshot.file())) {
            return snapshot;
        }
        Keyring keyring = location.open(false);
        if (keyring.currentVersion() < snapshot.keyring().currentVersion()) {
            // A keyring file restored from an old copy would wrap new keys under a version rotation replaced.
            throw new KeyringUnavailableException("The keyring file " + location.file() + " now holds fewer master key "
                    + "versions (" + keyring.currentVersion() + ") than this process read before ("
                    + snapshot.keyring().currentVersion() + "); refusing an older keyring");
        }
        if (keyring.currentVersion() != snapshot.keyring().currentVersion()
                || keyring.minimumDecryptionVersion() != snapshot.keyring().minimumDecryptionVersion()) {
            log.info("Keyring: reloaded {}, master key versions up to {}, minimum decryption version {}", location.file(),
                    keyring.currentVersion(), keyring.minimumDecryptionVersion());
        }
        snapshot = new Snapshot(keyring, new SubjectKeys(keyring), file);
        return snapshot;
    }

    /** Saves a rotated or retired keyring and uses it from now on. */
    synchronized Snapshot replace(Keyring keyring) {
        location.save(keyring);
        snapshot = new Snapshot(keyring, new SubjectKeys(keyring), location.identity());
        return snapshot;
    }

    KeyringLocation location() {
        return location;
    }

    private void requireOpens(SubjectKeyRepository.StoredKey stored) {
        try {
            snapshot.subjectKeys().unwrap(stored.wrapped(), stored.subjectId(), stored.dataKeyVersion()).destroy();
        } catch (KeyringException | DecryptionFailedException e) {
            throw new KeyringUnavailableException("The keyring at " + location.file() + " does not open the data keys "
                    + "in the database (" + e.getMessage() + "); is it the keyring this database was written with?");
        }
    }
}
