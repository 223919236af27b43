package org.prisonerregistry.audit;

import static org.prisonerregistry.db.Tables.AUDIT_CHAIN_HEAD;
import static org.prisonerregistry.db.Tables.AUDIT_CHECKPOINT;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT_STAGED;
import static org.prisonerregistry.db.Tables.AUDIT_STAGING_MAC_BOUNDARY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
 * The audit tables of {@code V3__audit_log.sql}, {@code V9__audit_sealing.sql} and
 * {@code V12__audit_staging_authentication.sql}: staging events, each with its {@link StagingTag},
 * in the caller's transaction, sealing them into the one total order decided inside PostgreSQL
 * (through the functions of V12), and reading them back for the verifier.
 */
@Repository
public class AuditLogRepository {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The columns a staged event is written with. */
    private static final int STAGED_COLUMNS = 13;
    /** Events read per statement by {@link #everyEvent()}. */
    static final int PAGE = 10_000;

    private final DSLContext db;
    private final SealingBacklog backlog;
    private final StagingMac stagingMac;

    public AuditLogRepository(DSLContext db, SealingBacklog backlog, StagingMac stagingMac) {
        this.db = db;
        this.backlog = backlog;
        this.stagingMac = stagingMac;
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
        return stage(event);
    }

    private long stage(AuditEvent event) {
        return stage(event, stagingMac.tag(event));
    }

    /** Stages the event with the tag given at once, whatever the backlog: for the sealer's own events. */
    long stage(AuditEvent event, StagingTag tag) {
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
                .set(AUDIT_EVENT_STAGED.NONCE, tag.nonce())
                .set(AUDIT_EVENT_STAGED.MAC, tag.mac())
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
     *
     * <p>Each event carries its {@link StagingTag}, made here (an HMAC over about 2 kB costs
     * microseconds) and sent in the same statement.
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
                                                document_hash, touched_subjects, fields, purpose, outcome, nonce, mac)
                """);
        List<Object> values = new ArrayList<>(events.size() * STAGED_COLUMNS);
        for (AuditEvent event : events) {
            int at = values.size();
            sql.append(at == 0 ? "select " : " union all select ")
                    .append("{%d}::timestamptz, {%d}, {%d}::jsonb, {%d}, {%d}, {%d}, {%d}, {%d}::jsonb, {%d}::jsonb, {%d}, {%d}, {%d}::uuid, {%d}::bytea"
                            .formatted(at, at + 1, at + 2, at + 3, at + 4, at + 5, at + 6, at + 7, at + 8, at + 9, at + 10,
                                    at + 11, at + 12))
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
            StagingTag tag = stagingMac.tag(event);
            values.add(DSL.val(tag.nonce()));
            values.add(DSL.val(tag.mac()));
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

    /**
     * The chain head's size and tree frontier, locked until this transaction ends; empty if another
     * sealer holds it. Through {@code audit_lock_chain_head()}: the application's role may not update the head.
     */
    Optional<ChainHead> lockHeadUnlessTaken() {
        return db.fetchOptional("select head_size, head_frontier from audit_lock_chain_head()")
                .map(r -> new ChainHead(r.get(0, Long.class), r.get(1, byte[].class)));
    }

    /**
     * Staged events that committed, oldest first, as stored: each with its tag, whether its nonce
     * was sealed before, and its content unless that is not an event this registry writes. Only the
     * holder of the head lock calls this.
     */
    List<StagedRow> stagedBatch(int limit) {
        var sealedBefore = DSL.field(DSL.exists(DSL.selectOne().from(AUDIT_EVENT)
                .where(AUDIT_EVENT.STAGED_NONCE.eq(AUDIT_EVENT_STAGED.NONCE))));
        return db.select(AUDIT_EVENT_STAGED.asterisk(), sealedBefore).from(AUDIT_EVENT_STAGED)
                .orderBy(AUDIT_EVENT_STAGED.ID).limit(limit)
                .fetch(r -> {
                    AuditEventStagedRecord staged = r.into(AUDIT_EVENT_STAGED);
                    StagingTag tag = staged.getNonce() == null || staged.getMac() == null ? null
                            : new StagingTag(staged.getNonce(), staged.getMac());
                    return new StagedRow(staged.getId(), readableEvent(staged), tag, r.get(sealedBefore));
                });
    }

    /** The first sequence number whose event must carry a staging tag (V12 recorded it; earlier events were staged without). */
    long stagingTagsRequiredFrom() {
        return db.select(AUDIT_STAGING_MAC_BOUNDARY.FIRST_SEQ).from(AUDIT_STAGING_MAC_BOUNDARY)
                .where(AUDIT_STAGING_MAC_BOUNDARY.ID.eq(1)).fetchSingle().value1();
    }

    /**
     * Hex SHA-256 of each staged row's PostgreSQL text form ({@code select s::text from audit_event_staged s}),
     * by receipt: what a refusal record keeps of the row it replaces, enough to match it against a backup.
     */
    Map<Long, String> stagedRowHashes(List<Long> receipts) {
        return db.resultQuery("select s.id, encode(sha256(convert_to(s::text, 'UTF8')), 'hex') from audit_event_staged s "
                        + "where s.id = any({0}::bigint[])", DSL.val(receipts.toArray(Long[]::new)))
                .fetchMap(r -> r.get(0, Long.class), r -> r.get(1, String.class));
    }

    /**
     * Moves a batch from the stage into the log and advances the head, in the head lock's
     * transaction, through {@code audit_seal} (the application's role may neither delete staged
     * rows nor insert sealed events). One statement moves the whole batch inside PostgreSQL: only
     * receipts, sequence numbers, leaf hashes and MACs travel, and for a refused row its refusal
     * record's own values; the content of the others is copied as it was read and hashed.
     */
    void seal(List<Sealing> batch, ChainHead newHead) {
        int n = batch.size();
        Long[] receipts = new Long[n];
        Long[] seqs = new Long[n];
        String[] leafHashes = new String[n];
        String[] leafMacs = new String[n];
        String[] refusedAt = new String[n];
        String[] refusalReasons = new String[n];
        String[] refusedRowHashes = new String[n];
        String[] refusalNonces = new String[n];
        String[] refusalMacs = new String[n];
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < n; i++) {
            Sealing sealing = batch.get(i);
            LoggedEvent logged = sealing.logged();
            receipts[i] = sealing.receipt();
            seqs[i] = logged.seq();
            leafHashes[i] = logged.leafHash().hex();
            leafMacs[i] = hex.formatHex(logged.leafMac());
            if (sealing.refusal()) {
                refusedAt[i] = utc(logged.event().occurredAt()).toString();
                refusalReasons[i] = logged.event().purpose();
                refusedRowHashes[i] = logged.event().documentHash();
                refusalNonces[i] = logged.staging().nonce().toString();
                refusalMacs[i] = hex.formatHex(logged.staging().mac());
            }
        }
        long moved = db.fetchSingle("""
                select audit_seal({0}::bigint[], {1}::bigint[], array(select decode(h, 'hex') from unnest({2}::text[]) with ordinality as a(h, i) order by i),
                                  array(select decode(h, 'hex') from unnest({3}::text[]) with ordinality as a(h, i) order by i),
                                  {4}::timestamptz[], {5}::varchar[], {6}::varchar[], {7}::uuid[],
                                  array(select decode(h, 'hex') from unnest({8}::text[]) with ordinality as a(h, i) order by i),
                                  {9})""",
                DSL.val(receipts), DSL.val(seqs), DSL.val(leafHashes), DSL.val(leafMacs), DSL.val(refusedAt),
                DSL.val(refusalReasons), DSL.val(refusedRowHashes), DSL.val(refusalNonces), DSL.val(refusalMacs),
                DSL.val(newHead.frontier())).get(0, Long.class);
        if (moved != n) {
            // audit_seal refuses this itself; never advance over a gap
            throw new IllegalStateException("Sealing moved " + moved + " of " + n + " staged events");
        }
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

    /**
     * A row of the stage: its receipt, its content (null if it is not an event this registry writes),
     * its tag (null if it has none) and whether an event with its nonce is already sealed.
     */
    record StagedRow(long receipt, AuditEvent event, StagingTag tag, boolean nonceSealedBefore) {}

    /**
     * An event to seal from the stage: {@code logged} is the staged event itself, or when {@code refusal}
     * the sealer's record of refusing the row ({@code AuditSealer} builds it; {@code audit_seal} writes
     * the same event).
     */
    record Sealing(long receipt, LoggedEvent logged, boolean refusal) {}

    private static LoggedEvent toLoggedEvent(AuditEventRecord r) {
        AuditEvent event = new AuditEvent(r.getOccurredAt().toInstant(), r.getSubject(), strings(r.getRoles()),
                r.getOrganisation(), r.getClientAddress(), r.getOperationName(), r.getDocumentHash(),
                strings(r.getTouchedSubjects()), strings(r.getFields()), r.getPurpose(), AuditOutcome.valueOf(r.getOutcome()));
        byte[] leaf = r.getLeafHash();
        // a tampered row may hold a leaf hash of the wrong length; let the verifier report it at its place
        TreeHash leafHash = leaf != null && leaf.length == TreeHash.LENGTH ? new TreeHash(leaf) : new TreeHash(new byte[TreeHash.LENGTH]);
        StagingTag staging = r.getStagedNonce() == null || r.getStagedMac() == null ? null
                : new StagingTag(r.getStagedNonce(), r.getStagedMac());
        return new LoggedEvent(r.getSeq(), event, leafHash, r.getLeafMac(), staging);
    }

    /** The staged row's content, or null if it is not an event this registry could have written (a forger's row). */
    private static AuditEvent readableEvent(AuditEventStagedRecord r) {
        try {
            return toEvent(r);
        } catch (RuntimeException notAnEvent) {
            return null;
        }
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
