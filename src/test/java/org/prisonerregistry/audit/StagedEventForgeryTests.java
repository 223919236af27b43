package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.Application;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging table under attack by the application's own database role, with its real
 * credentials (its password sits in the data folder; any process running as the application can
 * use it), and by the superuser editing staged rows with triggers off. Each attack is refused by
 * PostgreSQL, or sealed as the record of its refusal with an ERROR log line and an ALERT event, and
 * named by {@code audit verify}. The registry runs with its own sealer; after each case the log is
 * put back as it was.
 */
@ExtendWith(OutputCaptureExtension.class)
class StagedEventForgeryTests {

    private static final String MARKER = "forged-by-the-app-role";

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext registry;
    static DatabaseEndpoint database;
    static AuditLogRepository repository;
    static AuditSealer sealer;
    static TransactionTemplate transaction;
    static String checkpointFileContent;

    @BeforeAll
    static void writeALog() throws Exception {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        registry = app.run("--registry.data-dir=" + dataDir);
        database = registry.getBean(DatabaseEndpoint.class);
        repository = registry.getBean(AuditLogRepository.class);
        sealer = registry.getBean(AuditSealer.class);
        transaction = new TransactionTemplate(registry.getBean(PlatformTransactionManager.class));
        assertThat(database.user()).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
        for (int i = 1; i <= 3; i++) {
            stageGenuine("genuine-" + i);
        }
        sealAll();
        checkpointFileContent = Files.readString(checkpointFile());
        superuser("create table audit_event_backup as select * from audit_event",
                "create table audit_checkpoint_backup as select * from audit_checkpoint",
                "create table audit_chain_head_backup as select * from audit_chain_head");
        assertThat(verify().exitCode()).isZero();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @AfterEach
    void putTheLogBack() throws Exception {
        try (Connection c = superuserConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // the head's lock first, so that no sealer round runs in between
            s.execute("select size from audit_chain_head for update");
            s.execute("set local session_replication_role = replica");
            s.execute("delete from audit_event_staged");
            s.execute("delete from audit_event");
            s.execute("insert into audit_event select * from audit_event_backup");
            s.execute("delete from audit_checkpoint");
            s.execute("insert into audit_checkpoint select * from audit_checkpoint_backup");
            s.execute("update audit_chain_head h set size = b.size, frontier = b.frontier from audit_chain_head_backup b");
            c.commit();
        }
        Files.writeString(checkpointFile(), checkpointFileContent);
    }

    @Test
    void shouldSealAForgedStagedEventAsTheRecordOfItsRefusalWithAnAlertAndStillSealTheGenuineOnes(CapturedOutput output)
            throws Exception {
        long before = size();
        long forged;
        try (HeadLock held = HeadLock.take()) { // one batch: a genuine event on each side of the forged one
            stageGenuine("before-the-forgery");
            forged = asApplicationRole(c -> insertStaged(c, MARKER, UUID.randomUUID(), randomBytes(32)));
            stageGenuine("after-the-forgery");
        }
        sealAll();

        List<LoggedEvent> sealed = repository.readAfter(before, 10);
        assertThat(sealed).extracting(e -> e.event().outcome()).containsExactly(AuditOutcome.ALLOWED,
                AuditOutcome.FORGED_EVENT_REFUSED, AuditOutcome.ALLOWED, AuditOutcome.ALERT);
        assertThat(sealed).extracting(e -> e.event().subject()).containsExactly("before-the-forgery", "(audit sealer)",
                "after-the-forgery", "(audit sealer)");
        LoggedEvent refusal = sealed.get(1);
        assertThat(refusal.event().purpose()).isEqualTo("receipt " + forged
                + ": its staging MAC does not match its content: forged, or edited after it was staged");
        assertThat(refusal.event().documentHash()).as("the SHA-256 of the refused row").matches("[0-9a-f]{64}");
        assertThat(refusal.event().roles()).isEmpty();
        assertThat(refusal.event().fields()).isEmpty();
        assertThat(sealed.get(3).event().purpose()).startsWith("1 staged event(s) this registry did not write were refused "
                + "and sealed as FORGED_EVENT_REFUSED at event " + refusal.seq());
        assertThat(count("select count(*) from audit_event where audit_event::text like '%" + MARKER + "%'"))
                .as("nothing of the forged row is copied into the log").isZero();
        assertThat(count("select count(*) from audit_event_staged")).isZero();

        assertThat(output.getOut()).contains("ERROR").contains("Audit: 1 staged event(s) this registry did not write were "
                + "refused and sealed as FORGED_EVENT_REFUSED at event " + refusal.seq() + " (receipt " + forged + ": its staging MAC")
                .doesNotContain(MARKER);
        expectRefusalRecordedAt(refusal.seq(), "receipt " + forged + ": its staging MAC does not match");
    }

    @Test
    void shouldRefuseARowWithoutATagAndRecordOneThatIsNoEvent() throws Exception {
        assertRefused(() -> asApplicationRole(c -> insertStaged(c, MARKER, null, null)), "23514");

        long before = size();
        long garbage = asApplicationRole(c -> {
            try (PreparedStatement p = c.prepareStatement("insert into audit_event_staged (occurred_at, subject, roles, "
                    + "touched_subjects, fields, outcome, nonce, mac) values (now(), ?, '{\"not\": \"a list\"}', '[null]', '[]', "
                    + "'NO_SUCH_OUTCOME', ?, ?) returning id")) {
                p.setString(1, MARKER);
                p.setObject(2, UUID.randomUUID());
                p.setBytes(3, randomBytes(32));
                return single(p.executeQuery());
            }
        });
        stageGenuine("after-the-garbage");
        sealAll();

        List<LoggedEvent> sealed = repository.readAfter(before, 10);
        assertThat(sealed).extracting(e -> e.event().outcome())
                .containsExactly(AuditOutcome.FORGED_EVENT_REFUSED, AuditOutcome.ALLOWED, AuditOutcome.ALERT);
        assertThat(sealed.getFirst().event().purpose())
                .isEqualTo("receipt " + garbage + ": its content is not an event this registry writes");
        expectRefusalRecordedAt(sealed.getFirst().seq(), "its content is not an event this registry writes");
    }

    @Test
    void shouldNotLetTheApplicationRoleDeleteOrEditAStagedEvent() throws Exception {
        long before = size();
        long receipt;
        try (HeadLock held = HeadLock.take()) {
            receipt = stageGenuine("kept-on-the-stage");
            assertRefused(() -> asApplicationRole(c -> update(c, "delete from audit_event_staged where id = " + receipt)), "42501");
            assertRefused(() -> asApplicationRole(c -> update(c, "delete from audit_event_staged")), "42501");
            assertRefused(() -> asApplicationRole(c -> update(c, "update audit_event_staged set subject = 'someone-else' "
                    + "where id = " + receipt)), "42501");
        }
        sealAll();
        assertThat(repository.readAfter(before, 10)).singleElement()
                .satisfies(e -> assertThat(e.event().subject()).isEqualTo("kept-on-the-stage"));
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void shouldRecordAStagedEventEditedByTheSuperuserWithTriggersOffAsRefused() throws Exception {
        long before = size();
        long receipt;
        try (HeadLock held = HeadLock.take()) {
            receipt = stageGenuine("edited-on-the-stage");
            superuser("set session_replication_role = replica",
                    "update audit_event_staged set subject = 'someone-else', purpose = 'nothing to see' where id = " + receipt);
        }
        sealAll();
        List<LoggedEvent> sealed = repository.readAfter(before, 10);
        assertThat(sealed).extracting(e -> e.event().outcome())
                .containsExactly(AuditOutcome.FORGED_EVENT_REFUSED, AuditOutcome.ALERT);
        assertThat(sealed).extracting(e -> e.event().subject()).doesNotContain("someone-else");
        expectRefusalRecordedAt(sealed.getFirst().seq(), "receipt " + receipt + ": its staging MAC does not match");
    }

    @Test
    void shouldRefuseAReplayedCopyOfAStagedEventAndRecordACopyOfASealedOne() throws Exception {
        String copy = "insert into audit_event_staged (occurred_at, subject, roles, organisation, client_address, operation_name, "
                + "document_hash, touched_subjects, fields, purpose, outcome, nonce, mac) ";
        long before = size();
        try (HeadLock held = HeadLock.take()) {
            long receipt = stageGenuine("replayed");
            assertRefused(() -> asApplicationRole(c -> update(c, copy + "select occurred_at, subject, roles, organisation, "
                    + "client_address, operation_name, document_hash, touched_subjects, fields, purpose, outcome, nonce, mac "
                    + "from audit_event_staged where id = " + receipt)), "23505");
        }
        sealAll();
        LoggedEvent genuine = repository.readAfter(before, 10).getFirst();
        assertThat(genuine.event().subject()).isEqualTo("replayed");

        // the same row again, copied from the sealed log, which the role may read
        long replay = asApplicationRole(c -> {
            try (PreparedStatement p = c.prepareStatement(copy + "select occurred_at, subject, roles, organisation, "
                    + "client_address, operation_name, document_hash, touched_subjects, fields, purpose, outcome, staged_nonce, "
                    + "staged_mac from audit_event where seq = ? returning id")) {
                p.setLong(1, genuine.seq());
                return single(p.executeQuery());
            }
        });
        sealAll();
        List<LoggedEvent> sealed = repository.readAfter(genuine.seq(), 10);
        assertThat(sealed).extracting(e -> e.event().outcome())
                .containsExactly(AuditOutcome.FORGED_EVENT_REFUSED, AuditOutcome.ALERT);
        assertThat(count("select count(*) from audit_event where subject = 'replayed'")).as("sealed once").isEqualTo(1);
        expectRefusalRecordedAt(sealed.getFirst().seq(), "receipt " + replay + ": its nonce was sealed before: a replayed copy");
    }

    @Test
    void shouldNameAnEventTheApplicationRoleSealedItselfThroughTheSealingFunction() throws Exception {
        // the forger locks the head as the sealer does, stages a row and seals it with a correct leaf hash but no keys
        AuditEvent forged = new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), MARKER, List.of("ADMIN"), null, null,
                null, null, List.of(), List.of(), null, AuditOutcome.ALLOWED);
        long seq = asApplicationRole(c -> {
            c.setAutoCommit(false);
            long head = lockHeadAsTheSealerDoes(c);
            long receipt = insertStaged(c, forged.subject(), UUID.randomUUID(), randomBytes(32));
            sealDirectly(c, receipt, head + 1, LoggedEvent.seal(head + 1, forged).leafHash().bytes(), null);
            c.commit();
            return head + 1;
        });
        assertThat(repository.readAfter(seq - 1, 1)).singleElement()
                .satisfies(e -> assertThat(e.event().subject()).isEqualTo(MARKER));
        expect("event " + seq + ": it was not sealed by this registry's key");
    }

    @Test
    void shouldNameAGenuineEventTheApplicationRoleReplacedWithARefusalThroughTheSealingFunction() throws Exception {
        // the forger holds the head as the sealer would, and "refuses" a genuine event staged meanwhile to remove it
        long seq = asApplicationRole(c -> {
            c.setAutoCommit(false);
            long head = lockHeadAsTheSealerDoes(c);
            long receipt = stageGenuine("to-be-removed");
            sealDirectly(c, receipt, head + 1, randomBytes(32), "receipt " + receipt + ": nothing happened here");
            c.commit();
            return head + 1;
        });
        assertThat(count("select count(*) from audit_event where subject = 'to-be-removed'")).isZero();
        expect("event " + seq + ": its content no longer matches the leaf hash sealed with it");
    }

    @Test
    void shouldNameASealedEventWhoseStagingTagWasRemovedOrChanged() throws Exception {
        long before = size();
        stageGenuine("tag-tampered");
        sealAll();
        long seq = before + 1;
        superuser("set session_replication_role = replica",
                "update audit_event set staged_mac = '\\x00' where seq = " + seq);
        expect("event " + seq + ": its staging tag does not match");
        putTheLogBack();

        stageGenuine("tag-removed");
        sealAll();
        superuser("set session_replication_role = replica",
                "update audit_event set staged_nonce = null, staged_mac = null where seq = " + seq);
        expect("event " + seq + ": it carries no staging tag");
    }

    // --- the attacker's tools

    /** What a process with the application role's password can do: connect as that role. */
    private static <T> T asApplicationRole(SqlWork<T> work) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            return work.run(c);
        }
    }

    private static long insertStaged(Connection c, String subject, UUID nonce, byte[] mac) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into audit_event_staged (occurred_at, subject, roles, "
                + "touched_subjects, fields, outcome, nonce, mac) values (timestamptz '2026-01-01T00:00:00Z', ?, '[\"ADMIN\"]', "
                + "'[]', '[]', 'ALLOWED', ?, ?) returning id")) {
            p.setString(1, subject);
            p.setObject(2, nonce);
            p.setBytes(3, mac);
            return single(p.executeQuery());
        }
    }

    /** The head as the sealer locks it, retried while the registry's sealer holds it. */
    private static long lockHeadAsTheSealerDoes(Connection c) throws SQLException {
        for (int attempt = 0; attempt < 200; attempt++) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select head_size from audit_lock_chain_head()")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the registry's sealer kept the head");
    }

    private static void sealDirectly(Connection c, long receipt, long seq, byte[] leafHash, String refusal) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select audit_seal(array[?]::bigint[], array[?]::bigint[], array[?]::bytea[], "
                + "array[?]::bytea[], array[now()]::timestamptz[], array[?]::varchar[], array[?]::varchar[], array[?]::uuid[], "
                + "array[?]::bytea[], ?)")) {
            p.setLong(1, receipt);
            p.setLong(2, seq);
            p.setBytes(3, leafHash);
            p.setBytes(4, randomBytes(32));
            p.setString(5, refusal);
            p.setString(6, "00".repeat(32));
            p.setObject(7, UUID.randomUUID());
            p.setBytes(8, randomBytes(32));
            p.setBytes(9, new byte[0]);
            p.executeQuery().close();
        }
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static void assertRefused(ThrowingCallable attack, String sqlState) {
        assertThatThrownBy(attack).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(sqlState));
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** The head's row lock held by the superuser: no sealer round runs until it is closed. */
    private record HeadLock(Connection connection) implements AutoCloseable {
        static HeadLock take() throws SQLException {
            Connection c = superuserConnection();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select size from audit_chain_head for update");
            }
            return new HeadLock(c);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    // --- the registry and the checks

    private static long stageGenuine(String subject) {
        AuditEvent event = new AuditEvent(Instant.now(), subject, List.of("LAWYER"), "org", "192.0.2.1", "Op", null,
                List.of("hmac-1"), List.of("Detainee.fullName"), "appeal", AuditOutcome.ALLOWED);
        return transaction.execute(status -> repository.append(event));
    }

    /** Once: a round that refuses rows seals its ALERT event too. */
    private static void sealAll() {
        sealer.sealPending();
    }

    private static long size() {
        return transaction.execute(status -> repository.size());
    }

    private static AuditVerifyRun verify() {
        return AuditVerifyRun.on(dataDir);
    }

    private static void expect(String problem) {
        verify().assertNotIntact(problem);
    }

    private static void expectRefusalRecordedAt(long seq, String reason) {
        AuditVerifyRun run = verify();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString())
                .startsWith("Audit log NOT intact: refused staged event, recorded at event " + seq + ": the sealer refused")
                .contains(reason).doesNotContain(MARKER);
    }

    private static Path checkpointFile() {
        return dataDir.resolve(AuditProperties.DEFAULT_CHECKPOINT_FILE_NAME);
    }

    private static long count(String query) throws SQLException {
        try (Connection c = superuserConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return single(rs);
        }
    }

    private static long single(ResultSet rs) throws SQLException {
        try (rs) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void superuser(String... statements) throws SQLException {
        try (Connection c = superuserConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.migrationUser(), database.migrationPassword());
    }
}
