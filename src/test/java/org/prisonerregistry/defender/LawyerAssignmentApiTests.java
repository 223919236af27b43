package org.prisonerregistry.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.TestTokens;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class LawyerAssignmentApiTests {

    private static final String ASSIGN = """
            mutation($input: AssignLawyerInput!) { assignLawyer(input: $input) { active assignedOn lawyer { id } } }""";
    private static final String UNASSIGN = """
            mutation($input: UnassignLawyerInput!) { unassignLawyer(input: $input) { active unassignedOn } }""";
    private static final String CASE_LAWYERS = """
            query($id: ID!) { case(id: $id) { lawyers { active assignedOn unassignedOn lawyer { id kind } } } }""";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    Actors actors;

    @BeforeEach
    void signInAsAdmin(@Autowired TestTokens tokens) {
        // Until the field policy lands every caller with a role may do everything; ADMIN stands for them.
        graphQl = tokens.signIn(graphQl, Role.ADMIN);
    }

    @Test
    void shouldAssignALawyerToACaseAndKeepTheEndedAssignmentOnRecord() {
        TestData data = new TestData(actors);
        String courtCase = data.courtCase(data.detainee(TestData.unique("Region")));
        String lawyer = data.defender(data.organisation("Invented Defence Collective"), "LAWYER");

        graphQl.document(ASSIGN).variable("input", Map.of("caseId", courtCase, "defenderId", lawyer,
                "assignedOn", "2019-11-04")).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true)
                .path("assignLawyer.lawyer.id").entity(String.class).isEqualTo(lawyer);
        graphQl.document(UNASSIGN).variable("input", Map.of("caseId", courtCase, "defenderId", lawyer,
                "unassignedOn", "2020-06-30")).execute()
                .path("unassignLawyer.active").entity(Boolean.class).isEqualTo(false);

        graphQl.document(CASE_LAWYERS).variable("id", courtCase).execute()
                .path("case.lawyers[0].lawyer.id").entity(String.class).isEqualTo(lawyer)
                .path("case.lawyers[0].assignedOn").entity(String.class).isEqualTo("2019-11-04")
                .path("case.lawyers[0].unassignedOn").entity(String.class).isEqualTo("2020-06-30");
    }

    @Test
    void shouldRefuseToAssignTheSameLawyerTwiceOrSomeoneWhoIsNotALawyer() {
        TestData data = new TestData(actors);
        String organisation = data.organisation("Invented Defence Collective");
        String courtCase = data.courtCase(data.detainee(TestData.unique("Region")));
        String lawyer = data.defender(organisation, "LAWYER");
        String journalist = data.defender(organisation, "JOURNALIST");
        graphQl.document(ASSIGN).variable("input", Map.of("caseId", courtCase, "defenderId", lawyer)).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);

        for (String defender : new String[] {lawyer, journalist}) {
            graphQl.document(ASSIGN).variable("input", Map.of("caseId", courtCase, "defenderId", defender)).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(e.getExtensions()).containsEntry("field", "input.defenderId");
                    }));
        }
        graphQl.document(CASE_LAWYERS).variable("id", courtCase).execute()
                .path("case.lawyers").entityList(Object.class).hasSize(1);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCase() {
        TestData data = new TestData(actors);
        String lawyer = data.defender(data.organisation("Invented Defence Collective"), "LAWYER");
        graphQl.document(ASSIGN).variable("input", Map.of("caseId", "00000000-0000-4000-8000-000000000001",
                "defenderId", lawyer)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }
}
