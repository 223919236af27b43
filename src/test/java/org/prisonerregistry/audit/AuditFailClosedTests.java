package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TableOwner;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Fail closed: the registry runs as a database role that does not own the tables (the embedded
 * default does: the application connects as {@code registry_app}), so revoking its INSERT right on
 * the table an access writes its event to ({@code audit_event_staged}, sealed into
 * {@code audit_event} afterwards) really takes the audit log away from it. Reads of sensitive fields
 * then return no value, and mutations change nothing. The right is given back after each test.
 */
@RegistryIntegrationTest
class AuditFailClosedTests {

    @Autowired
    Actors actors;

    @Autowired
    DatabaseEndpoint database;

    @BeforeEach
    void theRegistryDoesNotOwnTheTables() {
        assertThat(database.separateMigrationRole()).as("the registry connects as a role of its own").isTrue();
    }

    @AfterEach
    void giveTheRightBack() {
        asOwner("grant insert on audit_event_staged to " + database.user());
    }

    @Test
    void shouldReturnNoSensitiveValueWhenTheReadCannotBeRecorded() {
        String person = new TestData(actors).detainee(TestData.unique("FailClosed"));
        String name = actors.coordinator().document("query($id: ID!) { detainee(id: $id) { fullName } }").variable("id", person)
                .execute().path("detainee.fullName").entity(String.class).get();

        asOwner("revoke insert on audit_event_staged from " + database.user());

        actors.coordinator().document("query($id: ID!) { detainee(id: $id) { publicCode fullName } }").variable("id", person)
                .execute()
                .errors().expect(e -> e.getErrorType().toString().equals("INTERNAL_ERROR")
                        && e.getMessage().contains("audit log") && !e.getMessage().contains(name)).verify()
                .path("detainee").pathDoesNotExist();
    }

    @Test
    void shouldLeaveNothingWrittenWhenTheMutationCannotBeRecorded() {
        String person = new TestData(actors).detainee(TestData.unique("FailClosed"));

        asOwner("revoke insert on audit_event_staged from " + database.user());

        actors.coordinator().document("mutation($i: UpdateDetaineeInput!) { updateDetainee(input: $i) { version } }")
                .variable("i", Map.of("id", person, "version", 1, "region", "Invented Region That Must Not Stay"))
                .execute()
                .errors().expect(e -> e.getErrorType().toString().equals("INTERNAL_ERROR")).verify()
                .path("updateDetainee").valueIsNull();

        assertThat(ownerQueryInt("select version from detainee where id = '" + UUID.fromString(person) + "'")).isEqualTo(1);
    }

    @Test
    void shouldStillAnswerWhatNeedsNoEvent() {
        new TestData(actors).detainee(TestData.unique("FailClosed"));

        asOwner("revoke insert on audit_event_staged from " + database.user());

        actors.coordinator().document("{ detainees(first: 5) { edges { node { publicCode region } } } }").execute()
                .path("detainees.edges").entityList(Object.class).hasSizeGreaterThan(0);
    }

    private void asOwner(String... statements) {
        DSLContext owner = TableOwner.db(database);
        for (String statement : statements) {
            owner.execute(statement);
        }
    }

    private int ownerQueryInt(String query) {
        return TableOwner.db(database).resultQuery(query).fetchSingle().get(0, Integer.class);
    }
}
