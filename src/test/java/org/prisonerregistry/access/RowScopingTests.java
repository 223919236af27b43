package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Out-of-scope rows behave as if they did not exist: not found, not listed, not counted. */
@RegistryIntegrationTest
class RowScopingTests {

    private static final String COUNT_IN_REGION = """
            query($region: String!) { detainees(filter: { region: $region }) { totalCount edges { node { id } } } }""";
    private static final String ONE = "query($id: ID!) { detainee(id: $id) { id } }";

    @Autowired
    HttpGraphQlTester anonymous;

    @Autowired
    Actors actors;

    @Autowired
    TestTokens tokens;

    HttpGraphQlTester admin;
    TestData data;

    @BeforeEach
    void setUp() {
        admin = tokens.signIn(anonymous, Role.ADMIN);
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
        HttpGraphQlTester coordinator = tokens.signIn(anonymous, "coordinator-" + region, Role.COORDINATOR, ours.split(":")[1]);

        coordinator.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(1)
                .path("detainees.edges[*].node.id").entityList(String.class).containsExactly(inOurs);
        coordinator.document(ONE).variable("id", inTheirs).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void shouldRegisterACoordinatorsNewDetaineeInTheirOwnCaseload() {
        String region = TestData.unique("Region");
        String organisation = organisationWithCode("FAM");
        HttpGraphQlTester coordinator = tokens.signIn(anonymous, "coordinator-" + region, Role.COORDINATOR,
                organisation.split(":")[1]);

        String created = new TestData(actors).detainee(region);

        coordinator.document(ONE).variable("id", created).execute().path("detainee.id").entity(String.class).isEqualTo(created);
    }

    @Test
    void shouldShowALawyerOnlyThePeopleWhoseCasesTheyAreAssignedToWhileTheAssignmentLasts() {
        String region = TestData.unique("Region");
        String subject = "lawyer-" + region;
        String lawyer = lawyerLoggingInAs(subject);
        String client = data.detainee(region);
        String stranger = data.detainee(region);
        String courtCase = data.courtCase(client);
        data.courtCase(stranger);
        HttpGraphQlTester asLawyer = tokens.signIn(anonymous, subject, Role.LAWYER, null);

        asLawyer.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0);

        admin.document("mutation($i: AssignLawyerInput!) { assignLawyer(input: $i) { active } }")
                .variable("i", Map.of("caseId", courtCase, "defenderId", lawyer)).execute()
                .path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);
        asLawyer.document(COUNT_IN_REGION).variable("region", region).execute()
                .path("detainees.edges[*].node.id").entityList(String.class).containsExactly(client);
        asLawyer.document(ONE).variable("id", stranger).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));

        admin.document("mutation($i: UnassignLawyerInput!) { unassignLawyer(input: $i) { active } }")
                .variable("i", Map.of("caseId", courtCase, "defenderId", lawyer)).execute()
                .path("unassignLawyer.active").entity(Boolean.class).isEqualTo(false);
        asLawyer.document(ONE).variable("id", client).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void shouldRefuseWritesToRecordsOutsideTheCallersScopeAsNotFound() {
        String region = TestData.unique("Region");
        String stranger = data.detainee(region);
        String courtCase = data.courtCase(stranger);
        String detention = data.detention(stranger, "2019-10-22", "PRETRIAL_DETENTION", null);
        HttpGraphQlTester asLawyer = tokens.signIn(anonymous, "lawyer-" + region, Role.LAWYER, null);

        asLawyer.document("mutation($i: RecordHearingInput!) { recordHearing(input: $i) { id } }")
                .variable("i", Map.of("caseId", courtCase, "heldOn", "2019-11-02", "kind", "FORMALISATION")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        asLawyer.document("mutation($i: RecordReleaseInput!) { recordRelease(input: $i) { id } }")
                .variable("i", Map.of("detentionId", detention, "version", 1, "releasedOn", "2019-12-01",
                        "awaitingTrial", true)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        admin.document("query($id: ID!) { detainee(id: $id) { currentRegime cases { hearings { id } } } }")
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
        HttpGraphQlTester asLawyer = tokens.signIn(anonymous, subject, Role.LAWYER, null);
        HttpGraphQlTester officer = tokens.signIn(anonymous, Role.PROTECTION_OFFICER);
        String read = "query($id: ID!) { defender(id: $id) { id } }";

        asLawyer.document(read).variable("id", own).execute().path("defender.id").entity(String.class).isEqualTo(own);
        asLawyer.document(read).variable("id", colleague).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        asLawyer.document("{ defenders { totalCount } }").execute()
                .path("defenders.totalCount").entity(Integer.class).isEqualTo(1);
        officer.document(read).variable("id", colleague).execute()
                .path("defender.id").entity(String.class).isEqualTo(colleague);
        admin.document(read).variable("id", colleague).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
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

    private String lawyerLoggingInAs(String subject) {
        String organisation = data.organisation("Invented Defence Collective");
        return tokens.signIn(anonymous, Role.PROTECTION_OFFICER)
                .document("mutation($i: CreateDefenderInput!) { createDefender(input: $i) { id } }")
                .variable("i", Map.of("organisationId", organisation, "fullName", TestData.unique("Invented Lawyer"),
                        "kind", "LAWYER", "riskLevel", "HIGH", "loginSubject", subject))
                .execute().path("createDefender.id").entity(String.class).get();
    }
}
