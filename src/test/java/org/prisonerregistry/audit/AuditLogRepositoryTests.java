package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Staging and sealing against the real embedded PostgreSQL with the real migrations, through two
 * independent connection pools, each with its own running sealer, standing in for two server
 * instances that share one database.
 */
class AuditLogRepositoryTests {

    private static final int WRITERS = 16;
    private static final int APPENDS_PER_WRITER = 150;

    @TempDir
    static Path dataDir;
    static EmbeddedPostgresServer server;
    static Instance first;
    static Instance second;

    private static final AuditSigningKey KEY = CheckpointSignatureTests.newKey();
    private static final LeafMac LEAF_MAC = LeafMac.derivedFrom(KEY);
    private static final StagingMac STAGING_MAC = StagingMac.derivedFrom(KEY);
    private static final AuditVerifier VERIFIER = new AuditVerifier(new CheckpointVerifier(KEY.noteKey()), LEAF_MAC, STAGING_MAC);

    /** One "server instance": its own pool, DSLContext, transactions and sealer, as Spring wires them. */
    record Instance(HikariDataSource pool, AuditLogRepository repository, TransactionTemplate transactions, AuditSealer sealer) {

        static Instance on(EmbeddedPostgresServer server, String name, Path checkpointFile) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
            config.setPassword(server.password());
            config.setMaximumPoolSize(WRITERS / 2 + 1);
            config.setPoolName(name);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            HikariDataSource pool = new HikariDataSource(config);
            DSLContext db = DSL.using(new TransactionAwareDataSourceProxy(pool), SQLDialect.POSTGRES);
            SealingBacklog backlog = new SealingBacklog();
            AuditLogRepository repository = new AuditLogRepository(db, backlog, STAGING_MAC);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
            AuditProperties properties = new AuditProperties(KEY.name(), null, checkpointFile,
                    new AuditProperties.Sealing(Duration.ofMillis(100), 500));
            AuditSealer sealer = new AuditSealer(repository, transactions, new CheckpointSigner(KEY), LEAF_MAC, STAGING_MAC,
                    new CheckpointPublisher(new CheckpointFile(checkpointFile)), properties, backlog);
            return new Instance(pool, repository, new TransactionTemplate(transactions), sealer);
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
        Path checkpoints = dataDir.resolve("checkpoints.txt");
        first = Instance.on(server, "audit-first", checkpoints);
        second = Instance.on(server, "audit-second", checkpoints);
        first.sealer().start();
        second.sealer().start();
    }

    @AfterAll
    static void stop() throws Exception {
        first.sealer().stop();
        second.sealer().stop();
        first.pool().close();
        second.pool().close();
        server.close();
    }

    @Test
    void shouldReadBackWhatWasAppendedSealedAndIntactWithinASecond() throws Exception {
        AuditEvent event = new AuditEvent(Instant.parse("2025-03-01T10:15:30.123456789Z"), "lawyer-7",
                List.of("LAWYER", "SUPPORTER"), "Ле́гал Aid \u00e9", "203.0.113.9", "Detainee",
                "ab".repeat(32), List.of("hmac-1", "hmac-\"2\""), List.of("Detainee.healthNotes", "Detainee.name"),
                "preparing the appeal", AuditOutcome.ALLOWED);
        AuditEvent bare = new AuditEvent(Instant.now(), "anonymous", List.of(), null, null, null, null,
                List.of(), List.of(), null, AuditOutcome.TOKEN_REJECTED);
        long before = size();
        first.append(event);
        second.append(bare);

        // no one calls the sealer: the instances' own rounds seal within the interval
        List<LoggedEvent> sealed = awaitSealed(before, 2, Duration.ofSeconds(1));
        assertThat(sealed).extracting(e -> e.event().subject()).containsExactlyInAnyOrder("lawyer-7", "anonymous");
        LoggedEvent stored = sealed.stream().filter(e -> e.event().subject().equals("lawyer-7")).findFirst().orElseThrow();
        assertThat(stored.event()).isEqualTo(event);
        assertThat(stored.leafHash()).isEqualTo(MerkleTree.leafHash(CanonicalEventEncoding.encode(stored.seq(), event)));
        assertThat(LEAF_MAC.matches(stored.seq(), stored.leafHash(), stored.leafMac())).isTrue();
        assertThat(sealed.stream().filter(e -> e.event().subject().equals("anonymous")).findFirst().orElseThrow().event())
                .isEqualTo(bare);
        assertIntact();
    }

    @Test
    void shouldSealConcurrentWritersOnTwoPoolsIntoOneGaplessOrderWithCheckpoints() throws Exception {
        long start = size();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                Instance instance = w % 2 == 0 ? first : second;
                String subject = "writer-" + w;
                writers.add(executor.submit(() -> {
                    go.await();
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        instance.append(event(subject, i));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        int total = WRITERS * APPENDS_PER_WRITER;
        List<LoggedEvent> sealed = awaitSealed(start, total, Duration.ofSeconds(5));

        assertThat(sealed).extracting(LoggedEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + total).boxed().toList());
        assertThat(sealed).extracting(e -> e.event().subject() + "/" + e.event().operationName())
                .as("every staged event sealed exactly once").doesNotHaveDuplicates().hasSize(total);
        // each writer's events keep their order: a writer's next event is staged after its last commit
        for (int w = 0; w < WRITERS; w++) {
            String subject = "writer-" + w;
            assertThat(sealed.stream().filter(e -> e.event().subject().equals(subject)).map(e -> e.event().operationName()).toList())
                    .containsExactlyElementsOf(LongStream.range(0, APPENDS_PER_WRITER).mapToObj(i -> "Op" + i).toList());
        }
        assertThat(first.repository().readCheckpoints()).extracting(StoredCheckpoint::size)
                .as("every round signed its head, whichever instance sealed it").contains(start + total);
        // a checkpoint reaches the file just after its round commits
        awaitInTheFile(first.repository().readCheckpoints().size(), Duration.ofSeconds(2));
        assertIntact();
    }

    @Test
    void shouldLeaveNothingStagedWhenTheAppendingTransactionRollsBack() {
        long before = size();
        assertThatThrownBy(() -> first.transactions().executeWithoutResult(status -> {
            first.repository().append(event("rolled-back", 0));
            throw new IllegalStateException("the access failed after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        second.append(event("after-rollback", 0));

        assertThat(second.sealer().sealPending() + first.sealer().sealPending()).isLessThanOrEqualTo(1);
        assertThat(second.repository().readAfter(before, 10)).singleElement()
                .satisfies(e -> assertThat(e.event().subject()).isEqualTo("after-rollback"));
        assertIntact();
    }

    @Test
    void shouldStageTheEventsOfAReadInOneStatementAndSealThemAsWritten() {
        long before = size();
        List<String> page = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "detainee:%032x".formatted(i)).toList();
        AuditEvent refusal = new AuditEvent(Instant.now(), "reader", List.of("COORDINATOR"), null, "127.0.0.1", "Page", null,
                List.of(), List.of("Detainee.notes"), null, AuditOutcome.FORBIDDEN);
        AuditEvent read = new AuditEvent(Instant.now(), "reader", List.of("COORDINATOR"), "ORG", "127.0.0.1", "Page",
                "ab".repeat(32), page, List.of("Detainee.fullName", "Detainee.nationalId"), "casework", AuditOutcome.ALLOWED);

        first.repository().stageReadEvents(List.of(refusal, read)); // no transaction: the statement is its own

        first.sealer().sealPending();
        second.sealer().sealPending();
        assertThat(first.repository().readAfter(before, 10)).extracting(LoggedEvent::event).containsExactly(refusal, read);
        assertIntact();
    }

    @Test
    void shouldStageNoneOfTheEventsOfAReadWhenOneCannotBeWritten() {
        long before = size();
        AuditEvent fine = event("staged-with-a-bad-one", 0);
        AuditEvent tooLong = new AuditEvent(Instant.now(), "x".repeat(300), List.of(), null, null, null, null,
                List.of(), List.of(), null, AuditOutcome.ALLOWED);

        assertThatThrownBy(() -> first.repository().stageReadEvents(List.of(fine, tooLong)))
                .isInstanceOf(org.jooq.exception.DataAccessException.class);

        first.sealer().sealPending();
        assertThat(first.repository().readAfter(before, 10)).isEmpty();
    }

    @Test
    void shouldFailTheAccessWhenTheEventCannotBeWritten() {
        AuditEvent tooLong = new AuditEvent(Instant.now(), "x".repeat(300), List.of(), null, null, null, null,
                List.of(), List.of(), null, AuditOutcome.ALLOWED);
        assertThatThrownBy(() -> first.append(tooLong)).isInstanceOf(org.jooq.exception.DataAccessException.class);
    }

    private static List<LoggedEvent> awaitSealed(long after, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<LoggedEvent> sealed = first.repository().readAfter(after, count + 1);
            if (sealed.size() >= count || System.nanoTime() > deadline) {
                assertThat(sealed).as("events sealed within " + within).hasSize(count);
                return sealed;
            }
            Thread.sleep(20);
        }
    }

    private static void awaitInTheFile(int checkpoints, Duration within) throws InterruptedException {
        CheckpointFile file = new CheckpointFile(dataDir.resolve("checkpoints.txt"));
        long deadline = System.nanoTime() + within.toNanos();
        while (file.readNotes().size() < checkpoints && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file.readNotes()).as("checkpoints in the file").hasSize(checkpoints);
    }

    private static long size() {
        return first.transactions().execute(s -> first.repository().size());
    }

    private static void assertIntact() {
        AuditVerdict verdict = VERIFIER.verify(first.repository().everyEvent(), first.repository().readCheckpoints(),
                new CheckpointFile(dataDir.resolve("checkpoints.txt")).readNotes());
        assertThat(verdict.firstProblem()).isEmpty();
        assertThat(verdict.events()).isEqualTo(size());
    }

    private static AuditEvent event(String subject, int i) {
        return new AuditEvent(Instant.now(), subject, List.of("AUDITOR"), "org-" + (i % 3), "192.0.2." + (i % 250),
                "Op" + i, null, List.of("hmac-" + i), List.of("Detainee.name"), "purpose " + i, AuditOutcome.ALLOWED);
    }
}
