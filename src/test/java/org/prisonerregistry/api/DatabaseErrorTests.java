package org.prisonerregistry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TableOwner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.execution.ErrorType;

/** A database failure answers INTERNAL_ERROR and logs neither the values PostgreSQL quotes nor its message. */
@RegistryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseErrorTests {

    private static final String DISTINCTIVE = "Zyxwvut-Invented-Value-4711";

    @Autowired
    Actors actors;

    /** The migration role, which owns the tables: the application's own role may not add triggers. */
    @Autowired
    DatabaseEndpoint database;

    /** Stands in for any constraint PostgreSQL enforces: it refuses the row and quotes the value, as PostgreSQL does. */
    @BeforeEach
    void refuseOneFacilityNameQuotingIt() {
        asTableOwner(db -> db.execute("""
                create or replace function test_refuse_facility() returns trigger language plpgsql as $$
                begin
                  if new.name like 'Zyxwvut-%' then
                    raise exception 'Failing row contains (%)', new.name using errcode = '23514';
                  end if;
                  return new;
                end $$"""));
        asTableOwner(db -> db.execute("create trigger test_refuse_facility before insert on facility for each row execute function test_refuse_facility()"));
    }

    @AfterEach
    void dropTheTrigger() {
        asTableOwner(db -> {
            db.execute("drop trigger test_refuse_facility on facility");
            db.execute("drop function test_refuse_facility()");
        });
    }

    private void asTableOwner(java.util.function.Consumer<DSLContext> work) {
        work.accept(TableOwner.db(database));
    }

    @Test
    void shouldAnswerInternalErrorWithAnIncidentIdAndKeepTheQuotedValueOutOfAnswerAndLog(CapturedOutput output) {
        actors.admin().document("mutation($i: CreateFacilityInput!) { createFacility(input: $i) { id } }")
                .variable("i", Map.of("name", DISTINCTIVE, "country", "CL", "region", "Invented", "kind", "PRISON",
                        "operator", "PUBLIC"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.INTERNAL_ERROR);
                    assertThat(e.getMessage()).contains("incident").doesNotContain(DISTINCTIVE).doesNotContain("Failing row");
                }));

        assertThat(output.getAll()).contains("SQLSTATE 23514").doesNotContain(DISTINCTIVE);
    }
}
