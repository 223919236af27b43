package org.prisonerregistry.audit;

import static org.prisonerregistry.db.Tables.AUDIT_CHAIN_HEAD;
import static org.prisonerregistry.db.Tables.AUDIT_CHECKPOINT;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.prisonerregistry.db.tables.records.AuditEventRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit tables of {@code V3__audit_log.sql}: appending events in the one total order decided
 * inside PostgreSQL, and reading them back for the verifier.
 */
@Repository
public class AuditLogRepository {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final DSLContext db;

    public AuditLogRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Appends the event in the current transaction and returns its sequence number.
     *
     * <p>The number is taken by incrementing the single {@code audit_chain_head} row, whose lock
     * is held until the transaction ends: appends from every server instance are serialised from
     * here to commit, numbers are committed in order, and a rollback takes its number back with it
     * (no gap). Callers therefore write the event <em>last</em> in their transaction, just before
     * commit, to keep that window short. Must be called inside a transaction; in auto-commit the
     * number and the row would be committed separately.
     */
    public long append(AuditEvent event) {
        long seq = db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.SIZE, AUDIT_CHAIN_HEAD.SIZE.plus(1L))
                .where(AUDIT_CHAIN_HEAD.ID.eq(1))
                .returningResult(AUDIT_CHAIN_HEAD.SIZE)
                .fetchSingle().value1();
        LoggedEvent sealed = LoggedEvent.seal(seq, event);
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.SEQ, seq)
                .set(AUDIT_EVENT.OCCURRED_AT, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .set(AUDIT_EVENT.SUBJECT, event.subject())
                .set(AUDIT_EVENT.ROLES, json(event.roles()))
                .set(AUDIT_EVENT.ORGANISATION, event.organisation())
                .set(AUDIT_EVENT.CLIENT_ADDRESS, event.clientAddress())
                .set(AUDIT_EVENT.OPERATION_NAME, event.operationName())
                .set(AUDIT_EVENT.DOCUMENT_HASH, event.documentHash())
                .set(AUDIT_EVENT.TOUCHED_SUBJECTS, json(event.touchedSubjects()))
                .set(AUDIT_EVENT.FIELDS, json(event.fields()))
                .set(AUDIT_EVENT.PURPOSE, event.purpose())
                .set(AUDIT_EVENT.OUTCOME, event.outcome().name())
                .set(AUDIT_EVENT.LEAF_HASH, sealed.leafHash().bytes())
                .execute();
        return seq;
    }

    /** Every event, in sequence order, as stored: the leaf hash is the sealed one, not recomputed. */
    public List<LoggedEvent> readAll() {
        return db.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).fetch(AuditLogRepository::toLoggedEvent);
    }

    /** At most {@code limit} events with a sequence number above {@code afterSeq}, in order: a page for a long log. */
    public List<LoggedEvent> readAfter(long afterSeq, int limit) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq)).orderBy(AUDIT_EVENT.SEQ).limit(limit)
                .fetch(AuditLogRepository::toLoggedEvent);
    }

    /** The size of the log as committed (or as this transaction sees it). */
    public long size() {
        return db.select(AUDIT_CHAIN_HEAD.SIZE).from(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.ID.eq(1)).fetchSingle().value1();
    }

    public void insertCheckpoint(StoredCheckpoint checkpoint) {
        db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.SIZE, checkpoint.size())
                .set(AUDIT_CHECKPOINT.ROOT, checkpoint.root().bytes())
                .set(AUDIT_CHECKPOINT.NOTE, checkpoint.note())
                .set(AUDIT_CHECKPOINT.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    /** Every stored checkpoint, in the order they were written (by size, which only grows). */
    public List<StoredCheckpoint> readCheckpoints() {
        return db.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.SIZE)
                .fetch(r -> new StoredCheckpoint(r.getSize(), new TreeHash(r.getRoot()), r.getNote()));
    }

    private static LoggedEvent toLoggedEvent(AuditEventRecord r) {
        AuditEvent event = new AuditEvent(r.getOccurredAt().toInstant(), r.getSubject(), strings(r.getRoles()),
                r.getOrganisation(), r.getClientAddress(), r.getOperationName(), r.getDocumentHash(),
                strings(r.getTouchedSubjects()), strings(r.getFields()), r.getPurpose(), AuditOutcome.valueOf(r.getOutcome()));
        byte[] leaf = r.getLeafHash();
        // a tampered row may hold a leaf hash of the wrong length; let the verifier report it at its place
        TreeHash leafHash = leaf != null && leaf.length == TreeHash.LENGTH ? new TreeHash(leaf) : new TreeHash(new byte[TreeHash.LENGTH]);
        return new LoggedEvent(r.getSeq(), event, leafHash);
    }

    private static JSON json(List<String> values) {
        return JSON.valueOf(JSON_MAPPER.writeValueAsString(values));
    }

    private static List<String> strings(JSON json) {
        return JSON_MAPPER.readValue(json.data(), STRINGS);
    }
}
