package org.prisonerregistry.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Lawyers are assigned to detainees by an ADMIN, who also reads the assignments back. Every detainee
 * made by {@link TestData} is already assigned to the test lawyer, so each test looks at the
 * assignments of its own lawyer and names the test lawyer's where it counts them all.
 */
@RegistryIntegrationTest
class LawyerAssignmentApiTests {

    private static final String ASSIGN = """
            mutation($input: AssignLawyerInput!) { assignLawyer(input: $input) { active assignedOn lawyer { id } } }""";
    private static final String UNASSIGN = """
            mutation($input: UnassignLawyerInput!) { unassignLawyer(input: $input) { active unassignedOn } }""";
    private static final String DETAINEE_LAWYERS = """
            query($id: ID!) { detainee(id: $id) { lawyers { active assignedOn unassignedOn lawyer { id kind } } } }""";

    @Autowired
    Actors actors;

    HttpGraphQlTester admin;
    TestData data;

    @BeforeEach
    void setUp() {
        admin = actors.admin();
        data = new TestData(actors);
    }

    @Test
    void shouldAssignALawyerToADetaineeAndKeepTheEndedAssignmentOnRecord() {
        String person = data.detainee(TestData.unique("Region"));
        String lawyer = data.defender(data.organisation("Invented Defence Collective"), "LAWYER");

        admin.document(ASSIGN).variable("input", Map.of("detaineeId", person, "defenderId", lawyer,
                "assignedOn", "2019-11-04")).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true)
                .path("assignLawyer.assignedOn").entity(String.class).isEqualTo("2019-11-04")
                .path("assignLawyer.lawyer.id").entity(String.class).isEqualTo(lawyer);
        admin.document(UNASSIGN).variable("input", Map.of("detaineeId", person, "defenderId", lawyer,
                "unassignedOn", "2020-06-30")).execute()
                .path("unassignLawyer.active").entity(Boolean.class).isEqualTo(false)
                .path("unassignLawyer.unassignedOn").entity(String.class).isEqualTo("2020-06-30");

        String ours = "detainee.lawyers[?(@.lawyer.id == '" + lawyer + "')]";
        admin.document(DETAINEE_LAWYERS).variable("id", person).execute()
                .path(ours).entityList(Object.class).hasSize(1)
                .path(ours + ".lawyer.kind").entityList(String.class).containsExactly("LAWYER")
                .path(ours + ".active").entityList(Boolean.class).containsExactly(false)
                .path(ours + ".assignedOn").entityList(String.class).containsExactly("2019-11-04")
                .path(ours + ".unassignedOn").entityList(String.class).containsExactly("2020-06-30");
    }

    @Test
    void shouldRefuseToAssignTheSameLawyerTwiceOrSomeoneWhoIsNotALawyer() {
        String organisation = data.organisation("Invented Defence Collective");
        String person = data.detainee(TestData.unique("Region"));
        String lawyer = data.defender(organisation, "LAWYER");
        String journalist = data.defender(organisation, "JOURNALIST");
        admin.document(ASSIGN).variable("input", Map.of("detaineeId", person, "defenderId", lawyer)).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);

        for (String defender : new String[] {lawyer, journalist}) {
            admin.document(ASSIGN).variable("input", Map.of("detaineeId", person, "defenderId", defender)).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(e.getExtensions()).containsEntry("field", "input.defenderId");
                    }));
        }
        // Only the test lawyer's assignment (made by TestData) and the one accepted above.
        admin.document(DETAINEE_LAWYERS).variable("id", person).execute()
                .path("detainee.lawyers[*].lawyer.id").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(actors.lawyerDefenderId(), lawyer));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownDetainee() {
        String lawyer = data.defender(data.organisation("Invented Defence Collective"), "LAWYER");
        admin.document(ASSIGN).variable("input", Map.of("detaineeId", "00000000-0000-4000-8000-000000000001",
                "defenderId", lawyer)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }
}
