package org.prisonerregistry.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.prisonerregistry.audit.AuditLogRepository.ChainHead;
import org.prisonerregistry.audit.AuditLogRepository.Sealing;
import org.prisonerregistry.audit.AuditLogRepository.StagedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives staged events their place in the one total order, in every instance: every sealing
 * interval (at most one second) it takes the chain head's row lock, or leaves the round to the
 * instance that holds it, and in that one transaction numbers the staged events after the head,
 * checks that the registry staged each ({@link StagedEventCheck}: a row it did not is sealed as the
 * record of its refusal instead, and raises an alert), seals each (leaf hash and MAC), moves them
 * into the log, advances the head and its tree frontier, and signs a checkpoint of the new head. So
 * every committed head is signed: no sealed event waits for a signature, and a tail cut from the log
 * shows against the last checkpoint. Because checkpoints are made only under the head lock, two
 * instances never sign different heads for one size.
 */
public final class AuditSealer implements SmartLifecycle {

    /** The name of the thread that runs the rounds. */
    public static final String THREAD_NAME = "audit-sealer";
    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    /** Frontier rebuilds (a head written before V9) read the log in pages of this many leaf hashes. */
    private static final int REBUILD_PAGE = 10_000;

    private final AuditLogRepository repository;
    private final TransactionTemplate transaction;
    private final CheckpointSigner signer;
    private final LeafMac leafMac;
    private final StagedEventCheck stagedEventCheck;
    private final CheckpointPublisher publisher;
    private final AuditProperties properties;
    private final SealingBacklog backlog;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public AuditSealer(AuditLogRepository repository, PlatformTransactionManager transactions, CheckpointSigner signer,
                       LeafMac leafMac, StagingMac stagingMac, CheckpointPublisher publisher, AuditProperties properties,
                       SealingBacklog backlog) {
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.signer = signer;
        this.leafMac = leafMac;
        this.stagedEventCheck = new StagedEventCheck(stagingMac, leafMac, repository);
        this.publisher = publisher;
        this.properties = properties;
        this.backlog = backlog;
    }

    /**
     * Seals until nothing committed is left on the stage, waiting while another instance holds the
     * head. Returns how many events this call sealed.
     */
    public long sealPending() {
        return seal(true);
    }

    /** Seals batch after batch while they come full; gives up the round to another instance holding the head unless told to wait. */
    private long seal(boolean waitForHead) {
        long sealed = 0;
        while (true) {
            Round round = sealOnce();
            sealed += round.sealed();
            backlog.observe(oldestWaiting());
            if (round.headTaken() && waitForHead) {
                sleep(Duration.ofMillis(10));
            } else if (round.headTaken() || round.sealed() < properties.sealing().batchSize()) {
                return sealed;
            }
        }
    }

    /** The outcome of one sealing transaction. */
    record Round(boolean headTaken, int sealed) {}

    Round sealOnce() {
        List<StoredCheckpoint> signed = new ArrayList<>(1);
        Round round = transaction.execute(status -> {
            Optional<ChainHead> head = repository.lockHeadUnlessTaken();
            if (head.isEmpty()) {
                return new Round(true, 0);
            }
            TreeFrontier frontier = frontierOf(head.get());
            List<StagedRow> staged = repository.stagedBatch(properties.sealing().batchSize());
            if (!staged.isEmpty()) {
                sealBatch(staged, frontier);
            }
            checkpointIfUnsigned(frontier).ifPresent(checkpoint -> {
                repository.insertCheckpoint(checkpoint);
                signed.add(checkpoint);
            });
            return new Round(false, staged.size());
        });
        // only once committed: a checkpoint outside the database must never be ahead of the database
        signed.forEach(publisher::publish);
        return round;
    }

    /**
     * Numbers and seals the batch after the frontier, moves it into the log and advances the head. A
     * row the registry did not stage is sealed as the record of its refusal in its place, and the
     * others as usual; then the round logs an error and seals an ALERT event after the batch.
     */
    private void sealBatch(List<StagedRow> staged, TreeFrontier frontier) {
        Map<Long, String> refusals = stagedEventCheck.refusals(staged, frontier.size() + 1);
        Map<Long, String> rowHashes = refusals.isEmpty() ? Map.of() : repository.stagedRowHashes(List.copyOf(refusals.keySet()));
        Instant now = Instant.now();
        List<Sealing> batch = new ArrayList<>(staged.size());
        List<Sealing> refused = new ArrayList<>(refusals.size());
        for (StagedRow row : staged) {
            long seq = frontier.size() + 1;
            String reason = refusals.get(row.receipt());
            Sealing sealing = reason == null
                    ? new Sealing(row.receipt(), LoggedEvent.seal(seq, row.event(), leafMac, row.tag()), false)
                    : stagedEventCheck.refusalRecord(row.receipt(), seq, reason, rowHashes.get(row.receipt()), now);
            frontier.append(sealing.logged().leafHash());
            batch.add(sealing);
            if (sealing.refusal()) {
                refused.add(sealing);
            }
        }
        repository.seal(batch, new ChainHead(frontier.size(), frontier.pack()));
        if (!refused.isEmpty()) {
            // receipts, sequence numbers and fixed reasons only: nothing of what the rows held
            Map.Entry<Long, String> first = refusals.entrySet().iterator().next();
            log.error("Audit: {} (receipt {}: {}{}); an ALERT event follows them; run audit verify", StagedEventCheck.describe(refused),
                    first.getKey(), first.getValue(), refused.size() > 1 ? "; and others" : "");
            sealAlert(StagedEventCheck.alert(refused, now), frontier);
        }
    }

    /** Stages the round's ALERT and seals it at once, in the same transaction: it never waits behind what it reports. */
    private void sealAlert(AuditEvent alert, TreeFrontier frontier) {
        StagingTag tag = stagedEventCheck.tag(alert);
        long receipt = repository.stage(alert, tag);
        Sealing sealing = new Sealing(receipt, LoggedEvent.seal(frontier.size() + 1, alert, leafMac, tag), false);
        frontier.append(sealing.logged().leafHash());
        repository.seal(List.of(sealing), new ChainHead(frontier.size(), frontier.pack()));
    }

    /**
     * A checkpoint of the head unless the latest one already covers it: after every round that
     * sealed events, and in the first round of a log whose tail an earlier version left unsigned.
     */
    private Optional<StoredCheckpoint> checkpointIfUnsigned(TreeFrontier frontier) {
        long signedSize = repository.latestCheckpointSize().orElse(0L);
        if (frontier.size() < signedSize) {
            // only a head set back by hand is behind a signed one: say so every round, until someone looks
            log.error("Audit: the chain head counts {} events, fewer than the {} a signed checkpoint covers: events were "
                    + "cut from the log and the head set back; run audit verify", frontier.size(), signedSize);
        }
        if (frontier.size() <= signedSize) {
            return Optional.empty();
        }
        Checkpoint checkpoint = signer.checkpoint(frontier.size(), frontier.root());
        return Optional.of(new StoredCheckpoint(checkpoint.size(), checkpoint.root(), signer.sign(checkpoint)));
    }

    /** The stored frontier, or one rebuilt from the sealed leaf hashes if the head has none that fits. */
    private TreeFrontier frontierOf(ChainHead head) {
        if (head.frontier().length == TreeHash.LENGTH * Long.bitCount(head.size())) {
            return TreeFrontier.unpack(head.size(), head.frontier());
        }
        log.warn("Audit: the chain head holds no tree frontier for its {} events; rebuilding it from their leaf hashes", head.size());
        TreeFrontier frontier = TreeFrontier.empty();
        while (frontier.size() < head.size()) {
            List<TreeHash> page = repository.leafHashesAfter(frontier.size(), REBUILD_PAGE);
            if (page.isEmpty()) {
                throw new IllegalStateException("The audit chain head counts " + head.size() + " events but the log holds "
                        + frontier.size() + "; run audit verify");
            }
            page.forEach(frontier::append);
        }
        return frontier;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.sealing().interval().toMillis();
        executor.scheduleWithFixedDelay(this::sealRound, every, every, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Audit: sealing staged events every {} ms, each round signing a checkpoint, also appended to {}",
                every, publisher.file().path());
    }

    private void sealRound() {
        try {
            seal(false);
            warnIfBehind();
        } catch (DataAccessException e) {
            // the cause's message may quote row values; its class and SQLSTATE say enough
            log.error("Audit: sealing failed ({}); staged events wait for the next round", describe(e));
        } catch (RuntimeException e) {
            log.error("Audit: sealing failed ({}); staged events wait for the next round", e.getClass().getSimpleName());
        }
    }

    /**
     * Events that wait far longer than the interval mean no instance can seal (a failing database,
     * a row a tamperer put in the sealer's way): say so loudly, every round, until it is fixed.
     */
    private void warnIfBehind() {
        Duration limit = AuditProperties.MAX_SEALING_INTERVAL.multipliedBy(5);
        Optional.of(oldestWaiting())
                .filter(waiting -> waiting.compareTo(limit) > 0)
                .ifPresent(waiting -> log.error("Audit: staged events have waited {} s to be sealed (at most {} s is "
                        + "expected); run audit verify and check the sealers' errors", waiting.toSeconds(), limit.toSeconds()));
    }

    private Duration oldestWaiting() {
        return repository.oldestPendingStagedAt().map(stagedAt -> Duration.between(stagedAt, Instant.now()))
                .filter(waiting -> !waiting.isNegative()).orElse(Duration.ZERO);
    }

    private static String describe(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        return cause instanceof java.sql.SQLException sql ? "SQLSTATE " + sql.getSQLState() : cause.getClass().getSimpleName();
    }

    /**
     * Stops the rounds, then seals what in-flight requests staged and signs the final head, so a
     * clean shutdown leaves nothing waiting and nothing unsigned. Runs after the web server has
     * answered its last request and before the pool and the database close (see {@link #getPhase}).
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sealRound();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it, so every request's event is sealed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another instance's sealer", e);
        }
    }
}
