package org.prisonerregistry.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.prisonerregistry.audit.AuditEvent;
import org.prisonerregistry.audit.AuditLogRepository;
import org.prisonerregistry.audit.AuditOutcome;
import org.prisonerregistry.audit.AuditProperties;
import org.prisonerregistry.audit.AuditSealer;
import org.prisonerregistry.audit.AuditSigningKey;
import org.prisonerregistry.audit.AuditSigningKeyFile;
import org.prisonerregistry.audit.AuditVerifier;
import org.prisonerregistry.audit.CheckpointFile;
import org.prisonerregistry.audit.CheckpointPublisher;
import org.prisonerregistry.audit.CheckpointSigner;
import org.prisonerregistry.audit.CheckpointVerifier;
import org.prisonerregistry.audit.LeafMac;
import org.prisonerregistry.audit.LoggedEvent;
import org.prisonerregistry.audit.SealingBacklog;
import org.prisonerregistry.audit.StagingMac;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited events appended per second by 16 concurrent writers, each event in its own transaction
 * as a real request writes it, against the embedded PostgreSQL with the real migrations:
 * <ul>
 *   <li>{@code stagedAndSealed}: what the registry does, {@link AuditLogRepository#append} into the
 *       stage, with the real {@link AuditSealer} ordering and sealing in the background (every 200 ms)
 *       and signing a checkpoint in every round (one per sealing transaction, so also one fsync of
 *       the checkpoint file each). After each iteration it prints how many events
 *       were still waiting and how long the sealer took to catch up, and at the end it verifies the
 *       whole log;</li>
 *   <li>{@code headLockedInTransaction}: the earlier design, for comparison: the caller's transaction
 *       takes the next number from the chain head's row and inserts the sealed event, holding the
 *       head's lock until it commits.</li>
 * </ul>
 * Run: {@code mvn -B -q -Pbench test-compile exec:exec -Djmh.args=AuditAppend}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(16)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class AuditAppendBenchmark {

    /** One registry database with its own pool of 16 connections (one per writer). */
    abstract static class Database {
        Path dataDir;
        EmbeddedPostgresServer server;
        HikariDataSource pool;
        DSLContext db;
        DataSourceTransactionManager transactions;
        TransactionTemplate transaction;
        AuditLogRepository repository;
        AuditSigningKey key;
        final AtomicInteger counter = new AtomicInteger();
        final SealingBacklog backlog = new SealingBacklog();

        void open() throws IOException {
            dataDir = Files.createTempDirectory("audit-bench");
            server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
            Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                    .locations("classpath:db/migration").load().migrate();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
            config.setPassword(server.password());
            config.setMaximumPoolSize(17);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            pool = new HikariDataSource(config);
            db = DSL.using(new TransactionAwareDataSourceProxy(pool), SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
            transactions = new DataSourceTransactionManager(pool);
            transaction = new TransactionTemplate(transactions);
            key = AuditSigningKeyFile.loadOrCreate(Optional.empty(), dataDir, "bench.local/audit");
            repository = new AuditLogRepository(db, backlog, StagingMac.derivedFrom(key));
        }

        void close() throws IOException {
            pool.close();
            server.close();
        }

        AuditEvent nextEvent() {
            int i = counter.incrementAndGet();
            return new AuditEvent(Instant.now(), "bench-lawyer-" + (i % 50), List.of("LAWYER"), "org-" + (i % 7),
                    "192.0.2." + (i % 250), "LawyerFirstPage", "ab".repeat(32), List.of("hmac-" + (i % 1000), "hmac-x"),
                    List.of("Detainee.fullName", "Detainee.nationalId", "Case.caseNumber"), "preparing the appeal",
                    AuditOutcome.ALLOWED);
        }
    }

    @State(Scope.Benchmark)
    public static class StagedLog extends Database {
        AuditSealer sealer;
        CheckpointFile checkpointFile;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open();
            checkpointFile = new CheckpointFile(dataDir.resolve("checkpoints.txt"));
            AuditProperties properties = new AuditProperties(key.name(), null, checkpointFile.path(),
                    new AuditProperties.Sealing(Duration.ofMillis(200), 2000));
            sealer = new AuditSealer(repository, transactions, new CheckpointSigner(key), LeafMac.derivedFrom(key),
                    StagingMac.derivedFrom(key), new CheckpointPublisher(checkpointFile), properties, backlog);
            sealer.start();
        }

        /** How far the sealer lags at the end of an iteration: the window the README promises to bound. */
        @TearDown(Level.Iteration)
        public void reportSealingLag() {
            long pending = transaction.execute(status -> repository.pendingCount());
            long started = System.nanoTime();
            while (transaction.execute(status -> repository.pendingCount()) > 0) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            System.out.printf("%n[audit] %d events waiting to be sealed when the writers stopped; sealed %d ms later; log size %d%n",
                    pending, (System.nanoTime() - started) / 1_000_000, transaction.execute(status -> repository.size()));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            sealer.stop();
            AuditVerifier verifier = new AuditVerifier(new CheckpointVerifier(key.noteKey()), LeafMac.derivedFrom(key),
                    StagingMac.derivedFrom(key));
            var verdict = transaction.execute(status -> verifier.verify(repository.everyEvent(), repository.readCheckpoints(),
                    checkpointFile.readNotes()));
            System.out.printf("%n[audit] verified %d events and %d checkpoints: %s%n", verdict.events(), verdict.checkpoints(),
                    verdict.intact() ? "intact" : verdict.firstProblem().orElseThrow());
            close();
        }
    }

    @State(Scope.Benchmark)
    public static class HeadLockedLog extends Database {
        LeafMac leafMac;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            open();
            leafMac = LeafMac.derivedFrom(key);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            close();
        }

        long append(AuditEvent event) {
            return transaction.<Long>execute(status -> {
                long seq = db.fetchOne("update audit_chain_head set size = size + 1 where id = 1 returning size").get(0, Long.class);
                LoggedEvent sealed = LoggedEvent.seal(seq, event, leafMac);
                db.execute("insert into audit_event (seq, occurred_at, subject, roles, organisation, client_address, operation_name, "
                                + "document_hash, touched_subjects, fields, purpose, outcome, leaf_hash, leaf_mac) "
                                + "values (?, cast(? as timestamptz), ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)",
                        seq, event.occurredAt().toString(), event.subject(),
                        "[\"LAWYER\"]", event.organisation(), event.clientAddress(), event.operationName(), event.documentHash(),
                        "[\"hmac\"]", "[\"Detainee.fullName\"]", event.purpose(), event.outcome().name(),
                        sealed.leafHash().bytes(), sealed.leafMac());
                return seq;
            });
        }
    }

    @Benchmark
    public long stagedAndSealed(StagedLog log) {
        AuditEvent event = log.nextEvent();
        return log.transaction.execute(status -> log.repository.append(event));
    }

    @Benchmark
    public long headLockedInTransaction(HeadLockedLog log) {
        return log.append(log.nextEvent());
    }
}
