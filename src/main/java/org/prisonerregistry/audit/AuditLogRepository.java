package org.prisonerregistry.audit;

import static org.prisonerregistry.db.Tables.AUDIT_CHAIN_HEAD;
import static org.prisonerregistry.db.Tables.AUDIT_CHECKPOINT;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT_STAGED;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import org.prisonerregistry.db.tables.records.AuditEventRecord;
import org.prisonerregistry.db.tables.records.AuditEventStagedRecord;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit tables of {@code V3__audit_log.sql} and {@code V9__audit_sealing.sql}: staging events
 * in the caller's transaction, sealing them into the one total order decided inside PostgreSQL,
 * and reading them back for the verifier.
 */
@Repository
public class AuditLogRepository {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The columns a staged event is written with. */
    private static final int STAGED_COLUMNS = 11;
    /** Events read per statement by {@link #everyEvent()}. */
    static final int PAGE = 10_000;

    private final DSLContext db;
    private final SealingBacklog backlog;

    public AuditLogRepository(DSLContext db, SealingBacklog backlog) {
        this.db = db;
        this.backlog = backlog;
    }

    /**
     * Writes the event in the current transaction: it is durable exactly when the caller's
     * transaction commits, and this throws (failing the access) when it cannot be written.
     *
     * <p>The event is staged, not yet numbered: taking the next sequence number here would hold the
     * chain head's lock until the caller commits and serialise every audited request of every
     * instance. {@link AuditSealer} gives it its sequence number and leaf hash within the sealing
     * interval (at most one second), so {@link #everyEvent}/{@link #readAfter} see it only then. While
     * the sealers are behind, this waits a moment first ({@link SealingBacklog}).
     *
     * @return the staged event's receipt number: unique and increasing in staging order, but not
     *         its sequence number in the log
     */
    public long append(AuditEvent event) {
        backlog.awaitRoom();
        return db.insertInto(AUDIT_EVENT_STAGED)
                .set(AUDIT_EVENT_STAGED.OCCURRED_AT, utc(event.occurredAt()))
                .set(AUDIT_EVENT_STAGED.SUBJECT, event.subject())
                .set(AUDIT_EVENT_STAGED.ROLES, json(event.roles()))
                .set(AUDIT_EVENT_STAGED.ORGANISATION, event.organisation())
                .set(AUDIT_EVENT_STAGED.CLIENT_ADDRESS, event.clientAddress())
                .set(AUDIT_EVENT_STAGED.OPERATION_NAME, event.operationName())
                .set(AUDIT_EVENT_STAGED.DOCUMENT_HASH, event.documentHash())
                .set(AUDIT_EVENT_STAGED.TOUCHED_SUBJECTS, json(event.touchedSubjects()))
                .set(AUDIT_EVENT_STAGED.FIELDS, json(event.fields()))
                .set(AUDIT_EVENT_STAGED.PURPOSE, event.purpose())
                .set(AUDIT_EVENT_STAGED.OUTCOME, event.outcome().name())
                .returningResult(AUDIT_EVENT_STAGED.ID)
                .fetchSingle().value1();
    }

    /**
     * Stages the events of an operation's reads and refusals in one statement, whose transaction
     * commits without waiting for the disk ({@code synchronous_commit = off} for that transaction
     * only, set by {@code set_config(..., true)} inside the insert itself). Outside a transaction the
     * statement is its own, so the whole write is one round trip to PostgreSQL; inside one (the
     * alert's bookkeeping) the setting holds for that transaction.
     *
     * <p>For reads only, whose answer has no change to commit with: PostgreSQL has still checked and
     * written every row when the statement returns (a refused insert still fails the read, so the
     * fail-closed rule holds) and its WAL writer puts them on disk within three
     * {@code wal_writer_delay}s (0.6 s by default). A crash of the database server in that moment
     * could lose the events of the reads answered just before, the same window as sealing's. Changes
     * and their events always commit synchronously, through {@link #append}.
     */
    public void stageReadEvents(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        backlog.awaitRoom();
        // plain SQL, not the DSL: rendering this insert through the DSL costs a read about a tenth of a millisecond more
        StringBuilder sql = new StringBuilder("""
                with commit_without_waiting_for_the_disk as (select set_config('synchronous_commit', 'off', true))
                insert into audit_event_staged (occurred_at, subject, roles, organisation, client_address, operation_name,
                                                document_hash, touched_subjects, fields, purpose, outcome)
                """);
        List<Object> values = new ArrayList<>(events.size() * STAGED_COLUMNS);
        for (AuditEvent event : events) {
            int at = values.size();
            sql.append(at == 0 ? "select " : " union all select ")
                    .append("{%d}::timestamptz, {%d}, {%d}::jsonb, {%d}, {%d}, {%d}, {%d}, {%d}::jsonb, {%d}::jsonb, {%d}, {%d}"
                            .formatted(at, at + 1, at + 2, at + 3, at + 4, at + 5, at + 6, at + 7, at + 8, at + 9, at + 10))
                    .append(" from commit_without_waiting_for_the_disk");
            values.add(DSL.val(utc(event.occurredAt())));
            values.add(DSL.val(event.subject()));
            values.add(DSL.val(json(event.roles()).data()));
            values.add(DSL.val(event.organisation(), String.class));
            values.add(DSL.val(event.clientAddress(), String.class));
            values.add(DSL.val(event.operationName(), String.class));
            values.add(DSL.val(event.documentHash(), String.class));
            values.add(DSL.val(json(event.touchedSubjects()).data()));
            values.add(DSL.val(json(event.fields()).data()));
            values.add(DSL.val(event.purpose(), String.class));
            values.add(DSL.val(event.outcome().name()));
        }
        db.execute(sql.toString(), values.toArray());
    }

    /**
     * Every event in sequence order, as stored (the leaf hash is the sealed one, not recomputed), read
     * {@link #PAGE} at a time as the iteration goes: a log of millions of events is never all in
     * memory. Iterate within one transaction to see one snapshot.
     */
    public Iterable<LoggedEvent> everyEvent() {
        return everyEvent(PAGE);
    }

    /** {@link #everyEvent()}, {@code page} events per statement. */
    Iterable<LoggedEvent> everyEvent(int page) {
        return () -> new Iterator<>() {
            private List<LoggedEvent> current = List.of();
            private int at;
            private boolean lastPage;

            @Override
            public boolean hasNext() {
                if (at < current.size()) {
                    return true;
                }
                if (lastPage) {
                    return false;
                }
                // the first page from the very start: an event forged below 1 must be read too
                current = current.isEmpty() ? readFirst(page) : readAfter(current.getLast().seq(), page);
                at = 0;
                lastPage = current.size() < page;
                return !current.isEmpty();
            }

            @Override
            public LoggedEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(at++);
            }
        };
    }

    /** The first {@code limit} events in sequence order, whatever their numbers (a forged one may lie below 1). */
    public List<LoggedEvent> readFirst(int limit) {
        return db.selectFrom(AUDIT_EVENT).orderBy(AUDIT_EVENT.SEQ).limit(limit).fetch(AuditLogRepository::toLoggedEvent);
    }

    /** At most {@code limit} events with a sequence number above {@code afterSeq}, in order: a page for a long log. */
    public List<LoggedEvent> readAfter(long afterSeq, int limit) {
        return db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq)).orderBy(AUDIT_EVENT.SEQ).limit(limit)
                .fetch(AuditLogRepository::toLoggedEvent);
    }

    /** The number of sealed events, as committed (or as this transaction sees it). */
    public long size() {
        return db.select(AUDIT_CHAIN_HEAD.SIZE).from(AUDIT_CHAIN_HEAD).where(AUDIT_CHAIN_HEAD.ID.eq(1)).fetchSingle().value1();
    }

    /** The chain head as this transaction sees it, unlocked: what the verifier checks against the events. */
    Optional<ChainHead> head() {
        return db.select(AUDIT_CHAIN_HEAD.SIZE, AUDIT_CHAIN_HEAD.FRONTIER).from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).fetchOptional(r -> new ChainHead(r.value1(), r.value2()));
    }

    /** Events written but not yet sealed. */
    public long pendingCount() {
        return db.fetchCount(AUDIT_EVENT_STAGED);
    }

    /** When the oldest event still waiting to be sealed was staged, if any waits. */
    public Optional<Instant> oldestPendingStagedAt() {
        return db.select(AUDIT_EVENT_STAGED.STAGED_AT).from(AUDIT_EVENT_STAGED).orderBy(AUDIT_EVENT_STAGED.ID).limit(1)
                .fetchOptional(r -> r.value1().toInstant());
    }

    /** The chain head's size and tree frontier, locked until this transaction ends; empty if another sealer holds it. */
    Optional<ChainHead> lockHeadUnlessTaken() {
        return db.select(AUDIT_CHAIN_HEAD.SIZE, AUDIT_CHAIN_HEAD.FRONTIER).from(AUDIT_CHAIN_HEAD)
                .where(AUDIT_CHAIN_HEAD.ID.eq(1)).forUpdate().skipLocked()
                .fetchOptional(r -> new ChainHead(r.value1(), r.value2()));
    }

    /** Staged events that committed, oldest first. Only the holder of the head lock calls this. */
    List<StagedEvent> stagedBatch(int limit) {
        return db.selectFrom(AUDIT_EVENT_STAGED).orderBy(AUDIT_EVENT_STAGED.ID).limit(limit)
                .fetch(r -> new StagedEvent(r.getId(), toEvent(r)));
    }

    /**
     * Moves sealed events from the stage into the log and advances the head, in the head lock's
     * transaction. One statement moves the whole batch inside PostgreSQL: only receipts, sequence
     * numbers, leaf hashes and MACs travel; the content columns are copied as they were read and hashed.
     */
    void seal(List<LoggedEvent> sealed, long[] receipts, ChainHead newHead) {
        Long[] receiptArray = new Long[receipts.length];
        Long[] seqs = new Long[sealed.size()];
        String[] leafHashes = new String[sealed.size()];
        String[] leafMacs = new String[sealed.size()];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < sealed.size(); i++) {
            receiptArray[i] = receipts[i];
            seqs[i] = sealed.get(i).seq();
            leafHashes[i] = sealed.get(i).leafHash().hex();
            leafMacs[i] = hex.formatHex(sealed.get(i).leafMac());
        }
        int moved = db.execute("""
                with moved as (
                    delete from audit_event_staged staged
                    using unnest({0}::bigint[], {1}::bigint[], {2}::text[], {3}::text[]) as sealed(receipt, seq, leaf_hash, leaf_mac)
                    where staged.id = sealed.receipt
                    returning sealed.seq, staged.occurred_at, staged.subject, staged.roles, staged.organisation,
                              staged.client_address, staged.operation_name, staged.document_hash, staged.touched_subjects,
                              staged.fields, staged.purpose, staged.outcome, sealed.leaf_hash, sealed.leaf_mac)
                insert into audit_event (seq, occurred_at, subject, roles, organisation, client_address, operation_name,
                                         document_hash, touched_subjects, fields, purpose, outcome, leaf_hash, leaf_mac)
                select seq, occurred_at, subject, roles, organisation, client_address, operation_name, document_hash,
                       touched_subjects, fields, purpose, outcome, decode(leaf_hash, 'hex'), decode(leaf_mac, 'hex')
                from moved""", DSL.val(receiptArray), DSL.val(seqs), DSL.val(leafHashes), DSL.val(leafMacs));
        if (moved != sealed.size()) {
            // another transaction took staged rows from under the head lock: never advance over a gap
            throw new IllegalStateException("Sealing moved " + moved + " of " + sealed.size() + " staged events");
        }
        db.update(AUDIT_CHAIN_HEAD)
                .set(AUDIT_CHAIN_HEAD.SIZE, newHead.size())
                .set(AUDIT_CHAIN_HEAD.FRONTIER, newHead.frontier())
                .where(AUDIT_CHAIN_HEAD.ID.eq(1))
                .execute();
    }

    /** Leaf hashes of events {@code afterSeq + 1} on, in order: to rebuild a frontier the head lacks. */
    List<TreeHash> leafHashesAfter(long afterSeq, int limit) {
        return db.select(AUDIT_EVENT.LEAF_HASH).from(AUDIT_EVENT).where(AUDIT_EVENT.SEQ.gt(afterSeq))
                .orderBy(AUDIT_EVENT.SEQ).limit(limit).fetch(r -> new TreeHash(r.value1()));
    }

    public void insertCheckpoint(StoredCheckpoint checkpoint) {
        db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.SIZE, checkpoint.size())
                .set(AUDIT_CHECKPOINT.ROOT, checkpoint.root().bytes())
                .set(AUDIT_CHECKPOINT.NOTE, checkpoint.note())
                .set(AUDIT_CHECKPOINT.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .execute();
    }

    /** The size of the latest checkpoint, if any. */
    Optional<Long> latestCheckpointSize() {
        return db.select(AUDIT_CHECKPOINT.SIZE).from(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.SIZE.desc()).limit(1)
                .fetchOptional(r -> r.value1());
    }

    /** Every stored checkpoint, in the order they were written (by size, which only grows). */
    public List<StoredCheckpoint> readCheckpoints() {
        return db.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.SIZE)
                .fetch(r -> new StoredCheckpoint(r.getSize(), new TreeHash(r.getRoot()), r.getNote()));
    }

    /** The head as a sealer reads it: the log's size and the packed {@link TreeFrontier}. */
    record ChainHead(long size, byte[] frontier) {}

    /** An event waiting to be sealed, with its staging receipt. */
    record StagedEvent(long receipt, AuditEvent event) {}

    private static LoggedEvent toLoggedEvent(AuditEventRecord r) {
        AuditEvent event = new AuditEvent(r.getOccurredAt().toInstant(), r.getSubject(), strings(r.getRoles()),
                r.getOrganisation(), r.getClientAddress(), r.getOperationName(), r.getDocumentHash(),
                strings(r.getTouchedSubjects()), strings(r.getFields()), r.getPurpose(), AuditOutcome.valueOf(r.getOutcome()));
        byte[] leaf = r.getLeafHash();
        // a tampered row may hold a leaf hash of the wrong length; let the verifier report it at its place
        TreeHash leafHash = leaf != null && leaf.length == TreeHash.LENGTH ? new TreeHash(leaf) : new TreeHash(new byte[TreeHash.LENGTH]);
        return new LoggedEvent(r.getSeq(), event, leafHash, r.getLeafMac());
    }

    private static AuditEvent toEvent(AuditEventStagedRecord r) {
        return new AuditEvent(r.getOccurredAt().toInstant(), r.getSubject(), strings(r.getRoles()),
                r.getOrganisation(), r.getClientAddress(), r.getOperationName(), r.getDocumentHash(),
                strings(r.getTouchedSubjects()), strings(r.getFields()), r.getPurpose(), AuditOutcome.valueOf(r.getOutcome()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static JSON json(List<String> values) {
        return JSON.valueOf(JSON_MAPPER.writeValueAsString(values));
    }

    private static List<String> strings(JSON json) {
        return JSON_MAPPER.readValue(json.data(), STRINGS);
    }
}
