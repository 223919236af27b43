package org.prisonerregistry.keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.prisonerregistry.common.InvalidInputException;
import org.prisonerregistry.crypto.Keyring;
import org.prisonerregistry.crypto.SubjectKeys;
import org.prisonerregistry.keys.CurrentKeyring.Snapshot;
import org.prisonerregistry.keys.SubjectKeyRepository.RotationLock;
import org.prisonerregistry.keys.SubjectKeyRepository.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of the master key without downtime:
 * <ol>
 *   <li>a new master-key version is added and the keyring file saved at once, so every process
 *       (a running server reads the file again when it changes) wraps new data keys under it and
 *       can unwrap keys already rewrapped;</li>
 *   <li>every data key not yet under it is rewrapped, in batches, each its own transaction, taking
 *       rows with {@code for update skip locked} so readers and writers are never blocked;</li>
 *   <li>only when no key is left under an older version are the older versions retired.</li>
 * </ol>
 * One rotation runs at a time (a PostgreSQL advisory lock), whichever process starts it.
 */
@Service
public class KeyRotationService {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int MAX_BATCH_SIZE = 10_000;
    /** How long to wait for keys that other transactions hold locked before giving up without retiring. */
    private static final Duration LOCKED_KEYS_PATIENCE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(KeyRotationService.class);

    private final SubjectKeyRepository keys;
    private final CurrentKeyring keyring;
    private final TransactionTemplate batchTransaction;

    KeyRotationService(SubjectKeyRepository keys, CurrentKeyring keyring, PlatformTransactionManager transactions) {
        this.keys = keys;
        this.keyring = keyring;
        this.batchTransaction = new TransactionTemplate(transactions);
        // each batch commits on its own even when the caller holds a transaction (the rotateMasterKey
        // mutation runs in one with its audit event): one long transaction would hold every rewrapped row
        this.batchTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public KeyRotation status() {
        Keyring current = keyring.current().keyring();
        return new KeyRotation(current.currentVersion(), current.minimumDecryptionVersion(), keys.count(),
                keys.countOn(current.currentVersion()));
    }

    /**
     * Adds a master-key version, rewraps every data key under it reporting progress after each
     * batch, then retires the older versions. Throws {@link RotationNotFinishedException} (with the
     * new version saved, old ones not retired, nothing lost) when it cannot finish.
     */
    public KeyRotation rotate(int batchSize, Consumer<RotationProgress> progress) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidInputException("batchSize", "must be between 1 and " + MAX_BATCH_SIZE);
        }
        try (RotationLock lock = keys.tryRotationLock().orElseThrow(() -> new RotationNotFinishedException(
                "Another key rotation is running; wait for it to finish"))) {
            Snapshot rotated = keyring.replace(keyring.current().keyring().withNewMasterKey());
            int version = rotated.keyring().currentVersion();
            log.info("Key rotation: master key version {} added; rewrapping data keys", version);
            rewrapAll(rotated.subjectKeys(), version, batchSize, progress);
            keyring.replace(keyring.current().keyring().retireBelow(version));
            log.info("Key rotation: every data key is under master key version {}; older versions retired", version);
            return status();
        }
    }

    /**
     * Removes the retired master-key versions from the keyring file, so that backups taken while they
     * were current can no longer be opened with it: only then does erasing a person (destroying their
     * data key in the live database) reach the copies of their key in those backups. Refuses while a
     * data key is still wrapped under a retired version, which a finished rotation never leaves.
     * Returns the versions removed.
     */
    public List<Integer> purgeRetired() {
        try (RotationLock lock = keys.tryRotationLock().orElseThrow(() -> new RotationNotFinishedException(
                "A key rotation is running; purge the retired versions after it finished"))) {
            Keyring current = keyring.current().keyring();
            int minimum = current.minimumDecryptionVersion();
            List<Integer> retired = List.copyOf(current.versions().headSet(minimum));
            if (retired.isEmpty()) {
                return retired;
            }
            int stillWrapped = keys.countBelow(minimum);
            if (stillWrapped > 0) {
                throw new RotationNotFinishedException(stillWrapped + " data keys are still wrapped under a retired master "
                        + "key version; run keys rotate to rewrap them first. Nothing was removed");
            }
            keyring.replace(current.withoutRetired());
            log.info("Keyring: retired master key versions {} removed", retired);
            return retired;
        }
    }

    private void rewrapAll(SubjectKeys subjectKeys, int version, int batchSize, Consumer<RotationProgress> progress) {
        int total = keys.countNotOn(version);
        int done = 0;
        progress.accept(new RotationProgress(0, total, version));
        long patienceEnds = System.nanoTime() + LOCKED_KEYS_PATIENCE.toNanos();
        while (true) {
            Integer rewrapped = batchTransaction.execute(status -> rewrapBatch(subjectKeys, version, batchSize));
            if (rewrapped != null && rewrapped > 0) {
                done += rewrapped;
                progress.accept(new RotationProgress(done, total, version));
                continue;
            }
            // Nothing unlocked is left. Keys still under an older version are held by other
            // transactions (or were just added by a process that had not yet seen the new version).
            int left = keys.countNotOn(version);
            if (left == 0) {
                return;
            }
            if (System.nanoTime() > patienceEnds) {
                throw new RotationNotFinishedException(left + " data keys stayed locked by other transactions; master "
                        + "key version " + version + " is in use but older versions were not retired. Run keys rotate again later");
            }
            sleep();
        }
    }

    private int rewrapBatch(SubjectKeys subjectKeys, int version, int batchSize) {
        List<StoredKey> batch = keys.lockBatchNotOn(version, batchSize);
        List<StoredKey> rewrapped = new ArrayList<>(batch.size());
        for (StoredKey key : batch) {
            byte[] wrapped = subjectKeys.rewrap(key.wrapped(), key.subjectId(), key.dataKeyVersion());
            rewrapped.add(new StoredKey(key.subjectId(), key.kind(), key.dataKeyVersion(), wrapped,
                    SubjectKeys.masterVersionOf(wrapped)));
        }
        keys.updateWrapped(rewrapped);
        return batch.size();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotationNotFinishedException("Interrupted; older master key versions were not retired");
        }
    }

    /** Rotation stopped before retiring the old versions; every data key is still readable. */
    public static final class RotationNotFinishedException extends IllegalStateException {
        RotationNotFinishedException(String message) {
            super(message);
        }
    }
}
