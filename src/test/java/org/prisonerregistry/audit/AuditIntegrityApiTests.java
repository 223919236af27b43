package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.prisonerregistry.support.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log as the running registry keeps it: sealed within a second of the access's commit,
 * verified by {@code auditIntegrity} for auditors only, and out of reach of the application's own
 * database role for anything but appending.
 */
@RegistryIntegrationTest
class AuditIntegrityApiTests {

    private static final String INTEGRITY = """
            { auditIntegrity { intact events checkpoints signedSize pendingEvents externalCheckpoints verifierKey
              firstProblem { place position reason } summary } }""";

    @Autowired
    Actors actors;

    @Autowired
    AuditLogRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DSLContext db;

    @Autowired
    DatabaseEndpoint database;

    @LocalServerPort
    int port;

    @Test
    void shouldSealAnAppendedEventWithinASecondWithoutAnyoneAsking() throws Exception {
        String subject = "sealing-window-" + System.nanoTime();
        long before = new TransactionTemplate(transactions).execute(status -> repository.size());
        new TransactionTemplate(transactions).executeWithoutResult(status -> repository.append(new AuditEvent(Instant.now(),
                subject, List.of("AUDITOR"), null, null, "Window", null, List.of(), List.of(), null, AuditOutcome.ALLOWED)));
        long committed = System.nanoTime();

        boolean sealed = false;
        while (!sealed && System.nanoTime() - committed < Duration.ofSeconds(1).toNanos()) {
            sealed = repository.readAfter(before, 10_000).stream().anyMatch(e -> e.event().subject().equals(subject));
            Thread.sleep(10);
        }
        assertThat(sealed).as("sealed within a second of its commit").isTrue();
    }

    @Test
    void shouldReportAnIntactLogToAnAuditor() {
        actors.auditor().document(INTEGRITY).execute()
                .path("auditIntegrity.intact").entity(Boolean.class).isEqualTo(true)
                .path("auditIntegrity.firstProblem").valueIsNull()
                .path("auditIntegrity.verifierKey").entity(String.class).satisfies(key -> assertThat(key).startsWith("prisoner-registry.local/audit+"))
                .path("auditIntegrity.summary").entity(String.class).satisfies(summary -> assertThat(summary).startsWith("Audit log intact"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ADMIN", "ANALYST", "COORDINATOR", "LAWYER", "PROTECTION_OFFICER"})
    void shouldRefuseEveryOtherRole(String role) {
        actors.as("integrity-" + role.toLowerCase(), Role.valueOf(role), null).document(INTEGRITY).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)))
                .path("auditIntegrity").valueIsNull();
    }

    @Test
    void shouldRefuseAnAnonymousCallerWith401() {
        HttpResponse<String> response = new RawHttp(port).query(INTEGRITY, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("verifierKey").doesNotContain("intact\"");
    }

    @Test
    void shouldConnectAsTheApplicationRoleAndMigrateAsAnother() {
        assertThat(database.user()).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
        assertThat(database.separateMigrationRole()).isTrue();
        assertThat(db.fetchValue("select current_user")).isEqualTo(EmbeddedPostgresServer.APPLICATION_ROLE);
        assertThat(db.fetchValue("select rolsuper from pg_roles where rolname = current_user")).isEqualTo(false);
    }

    /** Privileges refuse before the triggers even run: "permission denied", not the triggers' "append-only". */
    @ParameterizedTest
    @ValueSource(strings = {
            "update audit_event set purpose = null where seq = 1",
            "delete from audit_event where seq = 1",
            "truncate audit_event",
            "update audit_checkpoint set note = '' where size = 1",
            "delete from audit_checkpoint",
            "truncate audit_checkpoint",
            "delete from audit_chain_head",
            "truncate audit_chain_head",
            "update audit_event_staged set purpose = null",
            "truncate audit_event_staged",
            // a receipt chosen ahead would make the genuine event staged with it later fail; a staging time, the backlog lie
            "insert into audit_event_staged (id, occurred_at, subject, roles, touched_subjects, fields, outcome) "
                    + "overriding system value values (1000000, now(), 'forger', '[]', '[]', '[]', 'ALLOWED')",
            "insert into audit_event_staged (staged_at, occurred_at, subject, roles, touched_subjects, fields, outcome) "
                    + "values (now() - interval '1 hour', now(), 'forger', '[]', '[]', '[]', 'ALLOWED')",
            // only audit_seal takes events off the stage, writes them into the log and moves the head
            "delete from audit_event_staged",
            "delete from audit_event_staged where false",
            "insert into audit_event (seq, occurred_at, subject, roles, touched_subjects, fields, outcome, leaf_hash) "
                    + "select size + 1, now(), 'forger', '[]', '[]', '[]', 'ALLOWED', '\\x00' from audit_chain_head",
            "update audit_chain_head set size = size + 1",
            "select size from audit_chain_head for update",
            "update audit_staging_mac_boundary set first_seq = first_seq + 1000",
            "delete from audit_staging_mac_boundary",
            "delete from flyway_schema_history",
            "drop trigger audit_event_append_only on audit_event",
            "alter table audit_event disable trigger all"})
    void shouldNotLetTheApplicationRoleChangeOrRemoveAuditRecords(String statement) {
        assertThatThrownBy(() -> db.execute(statement)).isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).getMostSpecificCause())
                        .isInstanceOfSatisfying(SQLException.class, sql -> assertThat(sql.getSQLState()).isEqualTo("42501"))
                        .hasMessageNotContaining("append-only"));
    }
}
