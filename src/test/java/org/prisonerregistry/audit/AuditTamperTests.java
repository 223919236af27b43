package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.Application;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with a real audit log, written by the registry's own sealer into its own embedded
 * PostgreSQL, in each way someone with the database's superuser could, and expecting
 * {@code audit verify} to exit non-zero naming the exact place. After each case the log is put back.
 *
 * <p>The log: 23 events, sealed five at a time, and each round signs its head, so checkpoints at
 * 5, 10, 15, 20 and 23 in the database and in the checkpoint file. The registry's own sealer is
 * stopped once the log is written, as if the server were down while the log is tampered with, so
 * that no round signs a head between the tampering and the verdict.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditTamperTests {

    private static final int EVENTS = 23;

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext registry;
    static DatabaseEndpoint database;
    static String checkpointFileContent;

    @BeforeAll
    static void writeALog() throws Exception {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        registry = app.run("--registry.data-dir=" + dataDir);
        database = registry.getBean(DatabaseEndpoint.class);
        AuditLogRepository repository = registry.getBean(AuditLogRepository.class);
        AuditSealer sealer = registry.getBean(AuditSealer.class);
        sealer.stop(); // only the rounds below seal
        TransactionTemplate transaction = new TransactionTemplate(registry.getBean(PlatformTransactionManager.class));
        for (int i = 1; i <= EVENTS; i++) {
            AuditEvent event = new AuditEvent(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), "auditor-" + i,
                    List.of("LAWYER"), "org", "192.0.2.1", "Op" + i, null, List.of("hmac-" + i),
                    List.of("Detainee.fullName"), "appeal", AuditOutcome.ALLOWED);
            transaction.executeWithoutResult(status -> repository.append(event));
            if (i % 5 == 0 || i == EVENTS) {
                sealer.sealPending();
            }
        }
        checkpointFileContent = Files.readString(checkpointFile());
        superuser("create table audit_event_backup as select * from audit_event",
                "create table audit_checkpoint_backup as select * from audit_checkpoint",
                "create table audit_chain_head_backup as select * from audit_chain_head");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @AfterEach
    void putTheLogBack() throws Exception {
        superuser("begin", "set local session_replication_role = replica",
                "delete from audit_event", "insert into audit_event select * from audit_event_backup",
                "delete from audit_checkpoint", "insert into audit_checkpoint select * from audit_checkpoint_backup",
                "update audit_chain_head h set size = b.size, frontier = b.frontier from audit_chain_head_backup b",
                "commit");
        Files.writeString(checkpointFile(), checkpointFileContent);
    }

    @Test
    void shouldFindTheUntouchedLogIntactWithEveryCheckpointInTheFile() {
        assertThat(new CheckpointFile(checkpointFile()).readNotes()).hasSize(5);
        AuditVerifyRun run = verify();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Audit log intact").contains("events checked: " + EVENTS)
                .contains("5 in the database, 5 in the checkpoint file; signed up to size 23");
    }

    @Test
    void shouldCheckALogLongerThanOnePageAsWholeAndFindWhatWasDoneToItsMiddle() throws Exception {
        // pages of 4 over 23 events: the check reads the log a page at a time, as it does a long one
        AuditSigningKey key = registry.getBean(AuditSigningKey.class);
        AuditIntegrityCheck paged = new AuditIntegrityCheck(registry.getBean(AuditLogRepository.class),
                registry.getBean(PlatformTransactionManager.class),
                new AuditVerifier(new CheckpointVerifier(key.noteKey()), registry.getBean(LeafMac.class),
                        registry.getBean(StagingMac.class)),
                new CheckpointFile(checkpointFile()), key.noteKey(), 4);
        assertThat(paged.run().verdict().firstProblem()).isEmpty();

        tamper("delete from audit_event where seq = 9");
        assertThat(paged.run().verdict().firstProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.place()).isEqualTo(AuditProblem.Place.EVENT);
            assertThat(problem.position()).isEqualTo(9);
        });
        putTheLogBack();

        // below the first page's numbers too: a forged event numbered 0 must not go unread
        tamper("alter table audit_event drop constraint audit_event_seq_check",
                "insert into audit_event select 0, occurred_at, subject, roles, organisation, client_address, operation_name, "
                        + "document_hash, touched_subjects, fields, purpose, outcome, leaf_hash, leaf_mac from audit_event where seq = 1");
        try {
            assertThat(paged.run().verdict().firstProblem()).isPresent();
        } finally {
            tamper("delete from audit_event where seq = 0",
                    "alter table audit_event add constraint audit_event_seq_check check (seq >= 1)");
        }
    }

    @Test
    void shouldNameAnEditedEvent() throws Exception {
        tamper("update audit_event set purpose = 'nothing to see' where seq = 7");
        expect("event 7: its content no longer matches the leaf hash sealed with it");
    }

    @Test
    void shouldNameAnEditedEventWhoseLeafHashWasRecomputed() throws Exception {
        LoggedEvent seventh = registry.getBean(AuditLogRepository.class).readAfter(6, 1).getFirst();
        AuditEvent edited = new AuditEvent(seventh.event().occurredAt(), "someone-else", seventh.event().roles(),
                seventh.event().organisation(), seventh.event().clientAddress(), seventh.event().operationName(),
                seventh.event().documentHash(), seventh.event().touchedSubjects(), seventh.event().fields(),
                seventh.event().purpose(), seventh.event().outcome());
        tamperWith("update audit_event set subject = 'someone-else', leaf_hash = ? where seq = 7",
                LoggedEvent.seal(7, edited).leafHash().bytes());
        expect("event 7: it was not sealed by this registry's key");
    }

    @Test
    void shouldNameADeletedEventInTheCommandAndTheQueryAlike() throws Exception {
        tamper("delete from audit_event where seq = 7");
        expect("event 7: missing: the log jumps from 6 to 8");
        AuditIntegrityReport report = registry.getBean(AuditIntegrityCheck.class).run();
        assertThat(report.verdict().firstProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.place()).isEqualTo(AuditProblem.Place.EVENT);
            assertThat(problem.position()).isEqualTo(7);
        });
    }

    @Test
    void shouldNameTheFirstOfTwoSwappedEvents() throws Exception {
        tamper("update audit_event set seq = 1000 where seq = 7", "update audit_event set seq = 7 where seq = 8",
                "update audit_event set seq = 8 where seq = 1000");
        expect("event 7: its content no longer matches the leaf hash sealed with it");
    }

    @Test
    void shouldNameAForgedEventInsertedIntoTheLog() throws Exception {
        // the forger makes room at 12, inserts an event with a correct leaf hash, and has no MAC key
        AuditEvent forged = new AuditEvent(Instant.parse("2026-01-01T00:00:12Z"), "nobody-was-here", List.of("ADMIN"),
                null, null, "Forged", null, List.of(), List.of(), null, AuditOutcome.ALLOWED);
        byte[] someMac = new byte[32];
        new SecureRandom().nextBytes(someMac);
        tamper("update audit_event set seq = seq + 1000 where seq >= 12", "update audit_event set seq = seq - 999 where seq >= 1000");
        superuserUpdate("insert into audit_event (seq, occurred_at, subject, roles, touched_subjects, fields, outcome, "
                        + "operation_name, leaf_hash, leaf_mac) values (12, '2026-01-01T00:00:12Z', 'nobody-was-here', "
                        + "'[\"ADMIN\"]', '[]', '[]', 'ALLOWED', 'Forged', ?, ?)",
                LoggedEvent.seal(12, forged).leafHash().bytes(), someMac);
        expect("event 12: it was not sealed by this registry's key");
    }

    @Test
    void shouldCatchACutTailThroughTheCheckpointFile() throws Exception {
        // cut events 16 to 23 and the checkpoint at 20, and set the head back to 15 (else the sealer signs
        // the real head again): what is left in the database is consistent in itself
        TreeFrontier fifteen = TreeFrontier.empty();
        registry.getBean(AuditLogRepository.class).readFirst(15).forEach(e -> fifteen.append(e.leafHash()));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // the head's lock first, so that no sealer signs the real head in between
            s.execute("select size from audit_chain_head for update");
            s.execute("set local session_replication_role = replica");
            s.execute("delete from audit_event where seq > 15");
            s.execute("delete from audit_checkpoint where size > 15");
            try (PreparedStatement head = c.prepareStatement("update audit_chain_head set size = 15, frontier = ?")) {
                head.setBytes(1, fifteen.pack());
                head.executeUpdate();
            }
            c.commit();
        }
        assertThat(registry.getBean(AuditIntegrityCheck.class).run().verdict().firstProblem())
                .as("without the file").hasValueSatisfying(p -> assertThat(p.place()).isEqualTo(AuditProblem.Place.EXTERNAL_CHECKPOINT));
        expect("external checkpoint at size 20: it covers 20 events but the log holds only 15: the tail after 15 was cut");
    }

    @Test
    void shouldNameTheLastEventsCutWithTheHeadRewound(CapturedOutput output) throws Exception {
        // the review's attack: the last events removed and the head set back to fit what is left
        rewindTheHeadTo(20, "delete from audit_event where seq > 20");
        expect("checkpoint at size 23: it covers 23 events but the log holds only 20: events after 20 were removed");

        registry.getBean(AuditSealer.class).sealPending(); // a running sealer's next round raises the alarm too
        assertThat(output).contains("Audit: the chain head counts 20 events, fewer than the 23 a signed checkpoint covers");
    }

    @Test
    void shouldNameAHeadLoweredByTen() throws Exception {
        rewindTheHeadTo(EVENTS - 10);
        expect("chain head at size 13: it counts 13 events but the log holds 23: the head was rewound");
    }

    @Test
    void shouldNameAHeadLoweredByTenWithoutItsFrontier() throws Exception {
        tamper("update audit_chain_head set size = size - 10");
        expect("chain head at size 13: it counts 13 events but the log holds 23");
    }

    @Test
    void shouldNameEventsLeftWithoutACheckpointWhenTheLastCheckpointsAreDeletedFromTheDatabase() throws Exception {
        tamper("delete from audit_checkpoint where size > 15");
        expect("event 16: no signed checkpoint covers events 16 to 23");
    }

    @Test
    void shouldCatchTheLastEventsCutWithTheirCheckpointsThroughTheCheckpointFile() throws Exception {
        rewindTheHeadTo(20, "delete from audit_event where seq > 20", "delete from audit_checkpoint where size > 20");
        expect("external checkpoint at size 23: it covers 23 events but the log holds only 20: the tail after 20 was cut");
    }

    @Test
    void shouldSignATailLeftUnsignedByAnEarlierVersionInTheFirstRound() throws Exception {
        // an earlier version signed every 1000 events or 60 s: its log ends in events no checkpoint covers
        tamper("delete from audit_checkpoint where size = 23");
        List<String> notes = new CheckpointFile(checkpointFile()).readNotes();
        Files.writeString(checkpointFile(), String.join("\n", notes.subList(0, notes.size() - 1)) + "\n");
        expect("event 21: no signed checkpoint covers events 21 to 23");

        registry.getBean(AuditSealer.class).sealPending(); // the first round after the upgrade, with nothing staged
        AuditVerifyRun run = verify();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("5 in the database, 5 in the checkpoint file; signed up to size 23");
    }

    @Test
    void shouldNameACheckpointWithAForgedSignature() throws Exception {
        String note = registry.getBean(AuditLogRepository.class).readCheckpoints().get(1).note();
        int signature = note.lastIndexOf(' ') + 10;
        char flipped = note.charAt(signature) == 'A' ? 'B' : 'A';
        String forged = note.substring(0, signature) + flipped + note.substring(signature + 1);
        tamperWith("update audit_checkpoint set note = ? where size = 10", forged);
        expect("checkpoint at size 10: its signature is not valid");
    }

    @Test
    void shouldNameTwoDifferentCheckpointsSignedForOneTreeSize() throws Exception {
        // a second head for size 10, signed with the registry's own key (a forked log), reaches the file
        AuditSigningKey key = AuditSigningKeyFile.load(dataDir.resolve(AuditSigningKeyFile.DEFAULT_FILE_NAME),
                registry.getBean(AuditProperties.class).origin());
        CheckpointSigner signer = new CheckpointSigner(key);
        new CheckpointFile(checkpointFile()).append(signer.sign(signer.checkpoint(10, MerkleTree.leafHash(new byte[] {1}))));
        expect("external checkpoint at size 10: a second, different checkpoint was signed for this size");
    }

    /**
     * Sets the head back to {@code size} with the frontier of the events up to it, as a careful
     * tamperer would, after the statements, in one transaction with triggers off.
     */
    private static void rewindTheHeadTo(int size, String... statements) throws SQLException {
        TreeFrontier frontier = TreeFrontier.empty();
        registry.getBean(AuditLogRepository.class).readFirst(size).forEach(e -> frontier.append(e.leafHash()));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            for (String sql : statements) {
                s.execute(sql);
            }
            try (PreparedStatement head = c.prepareStatement("update audit_chain_head set size = ?, frontier = ?")) {
                head.setLong(1, size);
                head.setBytes(2, frontier.pack());
                head.executeUpdate();
            }
            c.commit();
        }
    }

    private static AuditVerifyRun verify() {
        return AuditVerifyRun.on(dataDir);
    }

    private static void expect(String problem) {
        verify().assertNotIntact(problem);
    }

    private static Path checkpointFile() {
        return dataDir.resolve(AuditProperties.DEFAULT_CHECKPOINT_FILE_NAME);
    }

    /** The attacker: the superuser, switching the append-only triggers off for the session. */
    private static void tamper(String... statements) throws SQLException {
        String[] all = new String[statements.length + 1];
        all[0] = "set session_replication_role = replica";
        System.arraycopy(statements, 0, all, 1, statements.length);
        superuser(all);
    }

    private static void tamperWith(String statement, Object parameter) throws SQLException {
        superuserUpdate(statement, parameter);
    }

    private static void superuserUpdate(String statement, Object... parameters) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try (PreparedStatement p = c.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setObject(i + 1, parameters[i]);
                }
                assertThat(p.executeUpdate()).as("rows tampered with").isPositive();
            }
        }
    }

    private static void superuser(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.migrationUser(), database.migrationPassword());
    }
}
