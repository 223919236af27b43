package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Out-of-scope rows behave as if they did not exist: not found, not listed, not counted.
 * <p>
 * {@link TestData} puts every detainee it makes in the caseload of the test organisation and assigns
 * the test lawyer to them; the scopes under test here are those of other organisations and other
 * lawyers, made by each test with subjects of its own.
 */
@RegistryIntegrationTest
class RowScopingTests {

    private static final String COUNT_IN_REGION = """
            query($region: String!) { detainees(filter: { region: $region }) { totalCount edges { node { id } } } }""";
    private static final String ONE = "query($id: ID!) { detainee(id: $id) { id } }";

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
    void shouldShowACoordinatorOnlyTheCaseloadOfTheirOrganisation() {
        String region = TestData.unique("Region");
        String ours = organisationWithCode("FAM");
        String theirs = organisationWithCode("FAM");
        String inOurs = data.detainee(region);
        String inTheirs = data.detainee(region);
        addToCaseload(inOurs, ours.split(":")[0]);
        addToCaseload(inTheirs, theirs.split(":")[0]);
        HttpGraphQlTester coordinator = actors.as("coordinator-" + region, Role.COORDINATOR, ours.split(":")[1]);

        coordinator.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(1)
                .path("detainees.edges[*].node.id").entityList(String.class).containsExactly(inOurs);
        assertNotFound(coordinator.document(ONE).variable("id", inTheirs).execute());
    }

    @Test
    void shouldRegisterACoordinatorsNewDetaineeInTheirOwnCaseload() {
        String region = TestData.unique("Region");
        String organisation = organisationWithCode("FAM");
        String code = organisation.split(":")[1];
        HttpGraphQlTester coordinator = actors.as("coordinator-" + region, Role.COORDINATOR, code);

        var created = coordinator.documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", TestData.unique("Test Person"),
                        "gender", "FEMALE", "affiliation", "STUDENT", "region", region))
                .execute();
        created.path("createDetainee.caseload[*].code").entityList(String.class).containsExactly(code);
        String id = created.path("createDetainee.id").entity(String.class).get();

        coordinator.document(ONE).variable("id", id).execute().path("detainee.id").entity(String.class).isEqualTo(id);
        assertNotFound(actors.coordinator().document(ONE).variable("id", id).execute());
    }

    @Test
    void shouldShowALawyerOnlyThePeopleTheyAreAssignedToWhileTheAssignmentLasts() {
        String region = TestData.unique("Region");
        String subject = "lawyer-" + region;
        String lawyer = lawyerLoggingInAs(subject);
        String client = data.detainee(region);
        String stranger = data.detainee(region);
        HttpGraphQlTester asLawyer = actors.as(subject, Role.LAWYER, null);

        asLawyer.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0)
                .path("detainees.edges").entityList(Object.class).hasSize(0);
        assertNotFound(asLawyer.document(ONE).variable("id", client).execute());

        admin.document("mutation($i: AssignLawyerInput!) { assignLawyer(input: $i) { active } }")
                .variable("i", Map.of("detaineeId", client, "defenderId", lawyer)).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);
        asLawyer.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(1)
                .path("detainees.edges[*].node.id").entityList(String.class).containsExactly(client);
        asLawyer.document(ONE).variable("id", client).execute()
                .path("detainee.id").entity(String.class).isEqualTo(client);
        assertNotFound(asLawyer.document(ONE).variable("id", stranger).execute());

        admin.document("mutation($i: UnassignLawyerInput!) { unassignLawyer(input: $i) { active } }")
                .variable("i", Map.of("detaineeId", client, "defenderId", lawyer)).execute()
                .path("unassignLawyer.active").entity(Boolean.class).isEqualTo(false);
        assertNotFound(asLawyer.document(ONE).variable("id", client).execute());
        asLawyer.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldRefuseWritesToRecordsOutsideTheCallersScopeAsNotFound() {
        String region = TestData.unique("Region");
        String subject = "lawyer-" + region;
        lawyerLoggingInAs(subject);
        String stranger = data.detainee(region);
        String courtCase = data.courtCase(stranger);
        String detention = data.detention(stranger, "2019-10-22", "PRETRIAL_DETENTION", null);
        HttpGraphQlTester asLawyer = actors.as(subject, Role.LAWYER, null);

        assertNotFound(asLawyer.document("mutation($i: RecordHearingInput!) { recordHearing(input: $i) { id } }")
                .variable("i", Map.of("caseId", courtCase, "heldOn", "2019-11-02", "kind", "FORMALISATION")).execute());
        assertNotFound(asLawyer.document("mutation($i: RecordReleaseInput!) { recordRelease(input: $i) { id } }")
                .variable("i", Map.of("detentionId", detention, "version", 1, "releasedOn", "2019-12-01",
                        "awaitingTrial", true)).execute());
        // Read back by the lawyer assigned to the person (ADMIN may not read cases).
        actors.lawyer().document("query($id: ID!) { detainee(id: $id) { currentRegime cases { hearings { id } } } }")
                .variable("id", stranger).execute()
                .path("detainee.currentRegime").entity(String.class).isEqualTo("PRETRIAL_DETENTION")
                .path("detainee.cases[0].hearings").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldShowAProtectionOfficerEveryDefenderAndALawyerOnlyTheirOwnRecord() {
        String region = TestData.unique("Region");
        String subject = "lawyer-" + region;
        String own = lawyerLoggingInAs(subject);
        String colleague = lawyerLoggingInAs("colleague-" + region);
        HttpGraphQlTester asLawyer = actors.as(subject, Role.LAWYER, null);
        HttpGraphQlTester officer = actors.protectionOfficer();
        String read = "query($id: ID!) { defender(id: $id) { id } }";

        asLawyer.document(read).variable("id", own).execute().path("defender.id").entity(String.class).isEqualTo(own);
        assertNotFound(asLawyer.document(read).variable("id", colleague).execute());
        asLawyer.document("{ defenders { totalCount } }").execute()
                .path("defenders.totalCount").entity(Integer.class).isEqualTo(1);
        officer.document(read).variable("id", colleague).execute()
                .path("defender.id").entity(String.class).isEqualTo(colleague);
        // An ADMIN reaches no defender record: the field policy now refuses the read outright.
        admin.document(read).variable("id", colleague).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)))
                .path("defender").valueIsNull();
    }

    private static void assertNotFound(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    /** Creates an organisation with a fresh code; returns "id:code". */
    private String organisationWithCode(String prefix) {
        String code = TestData.unique(prefix).toUpperCase();
        String id = admin.document("mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }")
                .variable("i", Map.of("code", code, "name", "Invented " + code, "kind", "FAMILY_ORGANISATION",
                        "country", "CL"))
                .execute().path("createOrganisation.id").entity(String.class).get();
        return id + ":" + code;
    }

    private void addToCaseload(String detaineeId, String organisationId) {
        admin.document("mutation($i: CaseloadInput!) { addToCaseload(input: $i) { id } }")
                .variable("i", Map.of("detaineeId", detaineeId, "organisationId", organisationId))
                .execute().path("addToCaseload.id").hasValue();
    }

    /** A lawyer's defender record, created by a protection officer, whose login subject is {@code subject}. */
    private String lawyerLoggingInAs(String subject) {
        String organisation = data.organisation("Invented Defence Collective");
        return actors.protectionOfficer()
                .document("mutation($i: CreateDefenderInput!) { createDefender(input: $i) { id } }")
                .variable("i", Map.of("organisationId", organisation, "fullName", TestData.unique("Invented Lawyer"),
                        "kind", "LAWYER", "riskLevel", "HIGH", "loginSubject", subject))
                .execute().path("createDefender.id").entity(String.class).get();
    }

    @Test
    void shouldLetACoordinatorActOnlyInTheNameOfTheirOwnOrganisation() {
        String region = TestData.unique("Region");
        String person = new TestData(actors).detainee(region);
        String other = new TestData(actors).organisation("Invented Other Foundation");

        Map<String, Map<String, Object>> attempts = Map.of(
                "mutation($i: CaseloadInput!) { addToCaseload(input: $i) { id } }",
                Map.of("detaineeId", person, "organisationId", other),
                "mutation($i: RecognitionInput!) { recognisePoliticalPrisoner(input: $i) { id } }",
                Map.of("detaineeId", person, "organisationId", other, "recognisedOn", "2020-01-01"));
        for (var attempt : attempts.entrySet()) {
            actors.coordinator().document(attempt.getKey()).variable("i", attempt.getValue())
                    .execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
        }
        actors.coordinator().document("query($id: ID!) { detainee(id: $id) { caseload { id } recognitions { id } } }")
                .variable("id", person).execute()
                .path("detainee.caseload[*].id").entityList(String.class).containsExactly(actors.organisationId())
                .path("detainee.recognitions").entityList(Object.class).hasSize(0);
    }
}
