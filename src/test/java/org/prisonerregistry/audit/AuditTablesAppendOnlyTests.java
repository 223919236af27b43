package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prisonerregistry.database.EmbeddedPostgresServer;

/** The triggers of V3__audit_log.sql (the head's as V9 relaxed it), against the real embedded PostgreSQL with the real migrations. */
class AuditTablesAppendOnlyTests {

    @TempDir
    static Path dataDir;
    static EmbeddedPostgresServer server;

    @BeforeAll
    static void migrate() throws Exception {
        server = EmbeddedPostgresServer.startOrAttach(dataDir, 0);
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                .locations("classpath:db/migration").load().migrate();
        execute("update audit_chain_head set size = size + 1",
                "insert into audit_event (seq, occurred_at, subject, roles, touched_subjects, fields, outcome, leaf_hash)"
                        + " values (1, now(), 'sub', '[]', '[]', '[]', 'ALLOWED', '\\x00')",
                "insert into audit_checkpoint (size, root, note, created_at) values (1, '\\x00', 'note', now())");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "update audit_event set subject = 'someone else'",
            "update audit_event set subject = 'nobody' where seq = -1",
            "delete from audit_event where seq = 1",
            "delete from audit_event where false",
            "truncate audit_event",
            "update audit_checkpoint set note = 'forged'",
            "delete from audit_checkpoint",
            "truncate audit_checkpoint",
            "truncate audit_checkpoint, audit_event cascade",
            "update audit_chain_head set size = 0",
            "update audit_chain_head set size = size",
            "delete from audit_chain_head",
            "truncate audit_chain_head"})
    void shouldRefuseEveryChangeToTheAuditTables(String statement) {
        assertThatThrownBy(() -> execute(statement)).isInstanceOf(SQLException.class)
                .hasMessageContaining("audit");
    }

    @Test
    void shouldStillAppend() throws Exception {
        execute("begin",
                "update audit_chain_head set size = size + 1",
                "insert into audit_event (seq, occurred_at, subject, roles, touched_subjects, fields, outcome, leaf_hash)"
                        + " select size, now(), 'sub', '[]', '[]', '[]', 'ALLOWED', '\\x00' from audit_chain_head",
                "rollback");
        assertThat(count("select count(*) from audit_event")).isEqualTo(1);
        assertThat(count("select size from audit_chain_head")).as("a rolled-back append leaves no gap").isEqualTo(1);
    }

    @Test
    void shouldLetOnlyASuperuserBypassingTriggersEditWhichIsWhatTheVerifierIsFor() throws Exception {
        // the attacker of the tamper tests: the database superuser switching triggers off for a session
        execute("begin", "set local session_replication_role = replica",
                "update audit_event set subject = 'rewritten' where seq = 1", "rollback");
        assertThat(count("select count(*) from audit_event where subject = 'sub'")).isEqualTo(1);
    }

    private static long count(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
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
