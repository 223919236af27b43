package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A log begun before staging was authenticated: migrated to V11, two events sealed and one still
 * staged (after a crash), then migrated on. The events sealed before, and the one staged before,
 * carry no staging tag and stay accepted; every later event must carry one, and V12 recorded where
 * that starts where the application's role cannot move it.
 */
class StagingTagBoundaryTests {

    private static final AuditSigningKey KEY = CheckpointSignatureTests.newKey();
    private static final LeafMac LEAF_MAC = LeafMac.derivedFrom(KEY);
    private static final StagingMac STAGING_MAC = StagingMac.derivedFrom(KEY);

    @TempDir
    static Path dataDir;
    static EmbeddedPostgresServer server;
    static AuditLogRepository repository;
    static AuditSealer sealer;
    static TransactionTemplate transaction;

    @BeforeAll
    static void migrateALogBegunBeforeV12() throws Exception {
        server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
        flyway().target("11").load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (long seq = 1; seq <= 2; seq++) {
                LoggedEvent sealed = LoggedEvent.seal(seq, event("sealed-before-" + seq), LEAF_MAC);
                s.execute("update audit_chain_head set size = size + 1");
                try (PreparedStatement p = c.prepareStatement("insert into audit_event (seq, occurred_at, subject, roles, "
                        + "touched_subjects, fields, outcome, leaf_hash, leaf_mac) values (?, ?::timestamptz, ?, '[]', '[]', '[]', "
                        + "'ALLOWED', ?, ?)")) {
                    p.setLong(1, seq);
                    p.setString(2, sealed.event().occurredAt().toString());
                    p.setString(3, sealed.event().subject());
                    p.setBytes(4, sealed.leafHash().bytes());
                    p.setBytes(5, sealed.leafMac());
                    p.executeUpdate();
                }
            }
            s.execute("insert into audit_event_staged (occurred_at, subject, roles, touched_subjects, fields, outcome) "
                    + "values ('2026-01-01T00:00:03Z', 'staged-before', '[]', '[]', '[]', 'ALLOWED')");
        }
        flyway().load().migrate();

        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), server.jdbcUrl(),
                server.user(), server.password());
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactions);
        SealingBacklog backlog = new SealingBacklog();
        repository = new AuditLogRepository(DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES),
                backlog, STAGING_MAC);
        Path checkpoints = dataDir.resolve("checkpoints.txt");
        AuditProperties properties = new AuditProperties(KEY.name(), null, checkpoints,
                new AuditProperties.Sealing(Duration.ofMillis(200), 100));
        sealer = new AuditSealer(repository, transactions, new CheckpointSigner(KEY), LEAF_MAC, STAGING_MAC,
                new CheckpointPublisher(new CheckpointFile(checkpoints)), properties, backlog);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldSealWhatWasStagedBeforeWithoutATagAndRequireOneForEverythingAfter() throws Exception {
        long boundary = transaction.execute(status -> repository.stagingTagsRequiredFrom());
        assertThat(boundary).as("after 2 sealed and 1 staged").isEqualTo(4);
        transaction.executeWithoutResult(status -> repository.append(event("staged-after")));
        sealer.sealPending();

        List<LoggedEvent> log = transaction.execute(status -> repository.readFirst(10));
        assertThat(log).extracting(e -> e.event().subject())
                .containsExactly("sealed-before-1", "sealed-before-2", "staged-before", "staged-after");
        assertThat(log).extracting(e -> e.staging() != null).containsExactly(false, false, false, true);
        assertThat(verify().firstProblem()).isEmpty();

        // a row without a tag is refused from now on, even to the superuser
        assertThatThrownBy(() -> execute("insert into audit_event_staged (occurred_at, subject, roles, touched_subjects, fields, "
                + "outcome) values (now(), 'untagged', '[]', '[]', '[]', 'ALLOWED')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23514"));
        // the boundary stays where V12 put it, for every role with triggers on
        assertThatThrownBy(() -> execute("update audit_staging_mac_boundary set first_seq = 100"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("append-only"));

        execute("set session_replication_role = replica", "update audit_event set staged_nonce = null, staged_mac = null where seq = 4");
        assertThat(verify().firstProblem()).hasValueSatisfying(problem -> {
            assertThat(problem.place()).isEqualTo(AuditProblem.Place.EVENT);
            assertThat(problem.position()).isEqualTo(4);
            assertThat(problem.reason()).contains("carries no staging tag");
        });
    }

    private static AuditVerdict verify() {
        AuditVerifier verifier = new AuditVerifier(new CheckpointVerifier(KEY.noteKey()), LEAF_MAC, STAGING_MAC);
        return transaction.execute(status -> verifier.stagingTagsRequiredFrom(repository.stagingTagsRequiredFrom())
                .verify(repository.everyEvent(), repository.readCheckpoints(), List.of()));
    }

    private static AuditEvent event(String subject) {
        return new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), subject, List.of(), null, null, null, null, List.of(),
                List.of(), null, AuditOutcome.ALLOWED);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password()).locations("classpath:db/migration");
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
