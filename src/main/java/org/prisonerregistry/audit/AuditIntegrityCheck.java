package org.prisonerregistry.audit;

import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the whole audit log as stored, against its checkpoints and the checkpoint file: what
 * {@code audit verify} prints and the {@code auditIntegrity} query answers. The events are read a
 * page at a time, so that a log of millions of events is checked without holding it in memory (the
 * tree keeps their leaf hashes only).
 */
public final class AuditIntegrityCheck {


    private final AuditLogRepository repository;
    private final TransactionTemplate snapshot;
    private final AuditVerifier verifier;
    private final CheckpointFile checkpointFile;
    private final NoteKey noteKey;
    private final int page;

    public AuditIntegrityCheck(AuditLogRepository repository, PlatformTransactionManager transactions,
                               AuditVerifier verifier, CheckpointFile checkpointFile, NoteKey noteKey) {
        this(repository, transactions, verifier, checkpointFile, noteKey, AuditLogRepository.PAGE);
    }

    AuditIntegrityCheck(AuditLogRepository repository, PlatformTransactionManager transactions, AuditVerifier verifier,
                        CheckpointFile checkpointFile, NoteKey noteKey, int page) {
        this.page = page;
        this.repository = repository;
        this.snapshot = new TransactionTemplate(transactions);
        // one snapshot for events and checkpoints, or a sealer committing in between would look like a cut tail
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        this.verifier = verifier;
        this.checkpointFile = checkpointFile;
        this.noteKey = noteKey;
    }

    public AuditIntegrityReport run() {
        // The file first: a checkpoint reaches it only after its transaction committed, so every note
        // read now is also in the snapshot taken next, and a newer one cannot pass for a cut tail.
        List<String> external = checkpointFile.readNotes();
        return snapshot.execute(status -> new AuditIntegrityReport(
                verifier.stagingTagsRequiredFrom(repository.stagingTagsRequiredFrom())
                        .verify(repository.everyEvent(page), repository.readCheckpoints(), external, repository.head()),
                repository.pendingCount(), external.size(), noteKey.verifierKey()));
    }
}
