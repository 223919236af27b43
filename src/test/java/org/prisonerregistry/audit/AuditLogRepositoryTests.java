package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link AuditLogRepository} against the real embedded PostgreSQL with the real migrations, through
 * two independent connection pools standing in for two server instances.
 */
class AuditLogRepositoryTests {

    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 200;

    @TempDir
    static Path dataDir;
    static EmbeddedPostgresServer server;
    static Instance first;
    static Instance second;

    private static final AuditSigningKey KEY = CheckpointSignatureTests.newKey();
    private static final AuditVerifier VERIFIER = new AuditVerifier(new CheckpointVerifier(KEY.noteKey()));

    /** One "server instance": its own pool, DSLContext and transactions, as Spring wires them. */
    record Instance(HikariDataSource pool, AuditLogRepository repository, TransactionTemplate transactions) {

        static Instance on(EmbeddedPostgresServer server, String name) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
            config.setPassword(server.password());
            config.setMaximumPoolSize(WRITERS / 2);
            config.setPoolName(name);
            HikariDataSource pool = new HikariDataSource(config);
            DSLContext db = DSL.using(new TransactionAwareDataSourceProxy(pool), SQLDialect.POSTGRES);
            return new Instance(pool, new AuditLogRepository(db), new TransactionTemplate(new DataSourceTransactionManager(pool)));
        }

        long append(AuditEvent event) {
            return transactions.execute(status -> repository.append(event));
        }
    }

    @BeforeAll
    static void migrate() {
        server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                .locations("classpath:db/migration").load().migrate();
        first = Instance.on(server, "audit-first");
        second = Instance.on(server, "audit-second");
    }

    @AfterAll
    static void stop() throws Exception {
        first.pool().close();
        second.pool().close();
        server.close();
    }

    @Test
    void shouldReadBackWhatWasAppendedSealedAndIntact() {
        AuditEvent event = new AuditEvent(Instant.parse("2025-03-01T10:15:30.123456789Z"), "lawyer-7",
                List.of("LAWYER", "SUPPORTER"), "Ле́гал Aid \u00e9", "203.0.113.9", "Detainee",
                "ab".repeat(32), List.of("hmac-1", "hmac-\"2\""), List.of("Detainee.healthNotes", "Detainee.name"),
                "preparing the appeal", AuditOutcome.ALLOWED);
        AuditEvent bare = new AuditEvent(Instant.now(), "anonymous", List.of(), null, null, null, null,
                List.of(), List.of(), null, AuditOutcome.TOKEN_REJECTED);
        long seq = first.append(event);
        long bareSeq = second.append(bare);
        assertThat(bareSeq).isEqualTo(seq + 1);

        List<LoggedEvent> log = first.repository().readAll();
        LoggedEvent stored = log.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
        assertThat(stored.event()).isEqualTo(event);
        assertThat(stored.leafHash()).isEqualTo(LoggedEvent.seal(seq, event).leafHash())
                .isEqualTo(MerkleTree.leafHash(CanonicalEventEncoding.encode(seq, event)));
        assertThat(stored.matchesLeafHash()).isTrue();
        assertThat(log.stream().filter(e -> e.seq() == bareSeq).findFirst().orElseThrow().event()).isEqualTo(bare);

        // a signed checkpoint over what is there, stored and read back, and the verifier agrees
        MerkleTree tree = MerkleTree.ofLeafHashes(log.stream().map(LoggedEvent::leafHash).toList());
        CheckpointSigner signer = new CheckpointSigner(KEY);
        Checkpoint checkpoint = signer.checkpoint(tree.size(), tree.root());
        first.transactions().executeWithoutResult(s -> first.repository()
                .insertCheckpoint(new StoredCheckpoint(checkpoint.size(), checkpoint.root(), signer.sign(checkpoint))));
        assertIntact();
        assertThat(first.repository().readCheckpoints()).extracting(StoredCheckpoint::size).contains(tree.size());
    }

    @Test
    void shouldHandOutGaplessNumbersToConcurrentWritersOnTwoPools() throws Exception {
        long start = first.transactions().execute(s -> first.repository().size());
        ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        long began;
        long took;
        try (ExecutorService executor = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                Instance instance = w % 2 == 0 ? first : second;
                String subject = "writer-" + w;
                writers.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        numbers.add(instance.append(event(subject, i)));
                    }
                    return null;
                }));
            }
            began = System.nanoTime();
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            took = System.nanoTime() - began;
        }
        int total = WRITERS * APPENDS_PER_WRITER;
        double seconds = took / 1e9;
        System.out.printf("audit append: %d events in %.2f s with %d writers on 2 pools = %.0f/s%n",
                total, seconds, WRITERS, total / seconds);

        assertThat(numbers).hasSize(total).doesNotHaveDuplicates();
        assertThat(numbers.stream().sorted().toList())
                .isEqualTo(LongStream.rangeClosed(start + 1, start + total).boxed().toList());
        List<LoggedEvent> page = second.repository().readAfter(start, total + 1);
        assertThat(page).extracting(LoggedEvent::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(start + 1, start + total).boxed().toList());
        assertIntact();
    }

    @Test
    void shouldLeaveNoGapAndNoRowWhenTheAppendingTransactionRollsBack() {
        long before = first.transactions().execute(s -> first.repository().size());
        long[] taken = new long[1];
        assertThatThrownBy(() -> first.transactions().executeWithoutResult(status -> {
            taken[0] = first.repository().append(event("rolled-back", 0));
            throw new IllegalStateException("the access failed after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(taken[0]).isEqualTo(before + 1);

        long after = second.transactions().execute(s -> second.repository().size());
        assertThat(after).isEqualTo(before);
        assertThat(second.repository().readAfter(before, 10)).isEmpty();
        assertThat(second.append(event("after-rollback", 0))).as("the number is handed out again").isEqualTo(before + 1);
        assertThat(second.repository().readAfter(before, 10)).singleElement()
                .satisfies(e -> assertThat(e.event().subject()).isEqualTo("after-rollback"));
        assertIntact();
    }

    private static void assertIntact() {
        AuditVerdict verdict = VERIFIER.verify(first.repository().readAll(), first.repository().readCheckpoints(), Optional.empty());
        assertThat(verdict.firstProblem()).isEmpty();
        long size = first.transactions().execute(s -> first.repository().size());
        assertThat(verdict.events()).isEqualTo(size);
    }

    private static AuditEvent event(String subject, int i) {
        return new AuditEvent(Instant.now(), subject, List.of("AUDITOR"), "org-" + (i % 3), "192.0.2." + (i % 250),
                "Op" + i, null, List.of("hmac-" + i), List.of("Detainee.name"), "purpose " + i, AuditOutcome.ALLOWED);
    }
}
