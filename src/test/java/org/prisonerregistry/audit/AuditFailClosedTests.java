package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.database.EmbeddedPostgresServer;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Fail closed: the registry runs here as a database role that is not the owner of the tables (as
 * it should in production), so that revoking its INSERT right on {@code audit_event} really takes
 * the audit log away from it. Reads of sensitive fields then return no value, and mutations change
 * nothing. The role is given back its right after each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureHttpGraphQlTester
@Import({TestTokens.class, Actors.class})
class AuditFailClosedTests {

    private static final String APP_ROLE = "registry_app";
    private static final String APP_PASSWORD = UUID.randomUUID().toString();
    private static final Path DATA_DIR = Path.of("target/test-data/fail-closed-" + UUID.randomUUID());
    private static EmbeddedPostgresServer server;

    @Autowired
    Actors actors;

    /** An embedded PostgreSQL migrated by its owner, with a role for the registry that owns nothing. */
    @DynamicPropertySource
    static void databaseAsNonOwner(DynamicPropertyRegistry registry) throws SQLException {
        server = EmbeddedPostgresServer.startOrAttach(DATA_DIR.resolve("db"), 0);
        Flyway.configure().dataSource(server.jdbcUrl(), server.user(), server.password())
                .locations("classpath:db/migration").load().migrate();
        asOwner("create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'",
                "grant select, insert, update, delete on all tables in schema public to " + APP_ROLE,
                "grant usage, select, update on all sequences in schema public to " + APP_ROLE);
        registry.add("registry.data-dir", () -> DATA_DIR.toString());
        registry.add("registry.db.url", server::jdbcUrl);
        registry.add("registry.db.user", () -> APP_ROLE);
        registry.add("registry.db.password", () -> APP_PASSWORD);
    }

    @AfterEach
    void giveTheRightBack() throws SQLException {
        asOwner("grant insert on audit_event to " + APP_ROLE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void shouldReturnNoSensitiveValueWhenTheReadCannotBeRecorded() throws SQLException {
        String person = new TestData(actors).detainee(TestData.unique("FailClosed"));
        String name = actors.coordinator().document("query($id: ID!) { detainee(id: $id) { fullName } }").variable("id", person)
                .execute().path("detainee.fullName").entity(String.class).get();

        asOwner("revoke insert on audit_event from " + APP_ROLE);

        actors.coordinator().document("query($id: ID!) { detainee(id: $id) { publicCode fullName } }").variable("id", person)
                .execute()
                .errors().expect(e -> e.getErrorType().toString().equals("INTERNAL_ERROR")
                        && e.getMessage().contains("audit log") && !e.getMessage().contains(name)).verify()
                .path("detainee").pathDoesNotExist();
    }

    @Test
    void shouldLeaveNothingWrittenWhenTheMutationCannotBeRecorded() throws SQLException {
        String person = new TestData(actors).detainee(TestData.unique("FailClosed"));

        asOwner("revoke insert on audit_event from " + APP_ROLE);

        actors.coordinator().document("mutation($i: UpdateDetaineeInput!) { updateDetainee(input: $i) { version } }")
                .variable("i", Map.of("id", person, "version", 1, "region", "Invented Region That Must Not Stay"))
                .execute()
                .errors().expect(e -> e.getErrorType().toString().equals("INTERNAL_ERROR")).verify()
                .path("updateDetainee").valueIsNull();

        assertThat(ownerQueryInt("select version from detainee where id = '" + UUID.fromString(person) + "'")).isEqualTo(1);
    }

    @Test
    void shouldStillAnswerWhatNeedsNoEvent() throws SQLException {
        new TestData(actors).detainee(TestData.unique("FailClosed"));

        asOwner("revoke insert on audit_event from " + APP_ROLE);

        actors.coordinator().document("{ detainees(first: 5) { edges { node { publicCode region } } } }").execute()
                .path("detainees.edges").entityList(Object.class).hasSizeGreaterThan(0);
    }

    private static void asOwner(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static int ownerQueryInt(String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            assertThat(r.next()).isTrue();
            return r.getInt(1);
        }
    }
}
