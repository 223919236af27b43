package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.AUDIT_EVENT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.db.tables.records.AuditEventRecord;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/**
 * The attack of the review: a role that may not read charges asked for the people charged under a
 * provision, and got them. A filter discloses the field it selects by, so it is for the roles that
 * may read that field; the others are refused before any row is read, and the refusal is audited.
 */
@RegistryIntegrationTest
class FilterPolicyTests {

    private static final String PROVISION = "CL-LEY-12927-ART6";
    private static final String BY_PROVISION = """
            query %s($filter: DetaineeFilter) {
              detainees(filter: $filter, first: 100) { totalCount edges { node { id publicCode } } }
            }""";

    @Autowired
    Actors actors;

    @Autowired
    DSLContext db;

    @Autowired
    SqlStatementCounter statements;

    @Test
    void shouldRefuseAdminAndCoordinatorTheFilterByLegalProvisionAndGiveALawyerOnlyTheirAssignedPeople() {
        TestData data = new TestData(actors);
        String region = TestData.unique("Charged");
        String assigned = charged(data.detainee(region));
        String formerlyAssigned = charged(data.detainee(region));
        actors.admin().document("mutation($input: UnassignLawyerInput!) { unassignLawyer(input: $input) { active } }")
                .variable("input", Map.of("detaineeId", formerlyAssigned, "defenderId", actors.lawyerDefenderId()))
                .execute().path("unassignLawyer.active").entity(Boolean.class).isEqualTo(false);
        Map<String, Object> filter = Map.of("region", region, "legalProvisionCode", PROVISION);

        for (var refused : List.of(Map.entry("ADMIN", actors.admin()), Map.entry("COORDINATOR", actors.coordinator()))) {
            String operation = TestData.unique("ByProvision" + refused.getKey()).replace('-', '_');
            statements.reset();

            refused.getValue().document(BY_PROVISION.formatted(operation)).variable("filter", filter).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                        assertThat(e.getPath()).isEqualTo("detainees");
                        assertThat(e.getMessage()).contains("DetaineeFilter.legalProvisionCode", refused.getKey(),
                                "Charge.provision").doesNotContain(PROVISION);
                    }))
                    .path("detainees").valueIsNull();

            assertThat(statements.count()).as("statements on the registry's data for a refused filter: "
                    + statements.statements()).isZero();
            AuditEventRecord event = single(eventsOf(operation));
            assertThat(event.getOutcome()).isEqualTo("FORBIDDEN");
            assertThat(event.getFields().data()).contains("DetaineeFilter.legalProvisionCode", "Query.detainees");
        }

        List<String> found = actors.lawyer().document(BY_PROVISION.formatted("LawyerByProvision"))
                .variable("filter", filter).execute()
                .path("detainees.edges[*].node.id").entityList(String.class).get();
        assertThat(found).containsExactly(assigned);
    }

    @Test
    void shouldRefuseTheFilterGivenInlineAsWellAsThroughVariables() {
        actors.admin().document("{ detainees(filter: { legalProvisionCode: \"" + PROVISION + "\" }) { totalCount } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("DetaineeFilter.legalProvisionCode")))
                .path("detainees").valueIsNull();
        // a null value sets no condition, and so reveals nothing
        actors.admin().document("query($code: String) { detainees(filter: { legalProvisionCode: $code }, first: 1) { totalCount } }")
                .execute().path("detainees.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }

    @Test
    void shouldRefuseAdminTheFilterBySupportStatusAndTheSupportStatusItself() {
        actors.admin().document("{ detainees(filter: { supportStatus: NEEDS_SUPPORT }, first: 1) { totalCount } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(e.getMessage()).contains("DetaineeFilter.supportStatus", "ADMIN");
                }));
        String person = new TestData(actors).detainee(TestData.unique("Support"));
        actors.admin().document("query($id: ID!) { detainee(id: $id) { publicCode supportStatus } }")
                .variable("id", person).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Detainee.supportStatus");
                }))
                .path("detainee.publicCode").hasValue()
                .path("detainee.supportStatus").valueIsNull();
        actors.coordinator().document("query($id: ID!) { detainee(id: $id) { supportStatus } }")
                .variable("id", person).execute().path("detainee.supportStatus").entity(String.class).isEqualTo("NO_OPEN_NEEDS");
    }

    /** Opens a case against the person, as the test lawyer, with a charge under the provision; returns the person. */
    private String charged(String detainee) {
        String courtCase = new TestData(actors).courtCase(detainee);
        actors.lawyer().document("mutation($input: AddChargeInput!) { addCharge(input: $input) { id } }")
                .variable("input", Map.of("caseId", courtCase, "legalProvisionCode", PROVISION))
                .execute().path("addCharge.id").hasValue();
        return detainee;
    }

    private List<AuditEventRecord> eventsOf(String operationName) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
        List<AuditEventRecord> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            found = db.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.OPERATION_NAME.eq(operationName)).fetch();
            if (found.isEmpty()) {
                sleep();
            }
        }
        return found;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static AuditEventRecord single(List<AuditEventRecord> events) {
        assertThat(events).hasSize(1);
        return events.getFirst();
    }
}
