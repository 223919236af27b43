package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Exact-match search over encrypted values, through blind indexes: by national ID and by name. */
@RegistryIntegrationTest
class DetaineeSearchTests {

    private static final String BY_NATIONAL_ID = """
            query($number: String!) { detaineeByNationalId(nationalId: $number) { id nationalId { kind number } } }""";

    @Autowired
    Actors actors;

    /** A RUT body no other test uses (8 digits from 30,000,000) whose check digit is {@code digit}, or any digit if null. */
    private static String rutBody(Character digit) {
        while (true) {
            String body = Long.toString(ThreadLocalRandom.current().nextLong(30_000_000L, 99_999_999L));
            if (digit == null || ChileanRut.checkDigit(body) == digit) {
                return body;
            }
        }
    }

    private String person(HttpGraphQlTester coordinator, String fullName, List<String> aliases, Map<String, String> nationalId) {
        Map<String, Object> input = new HashMap<>(Map.of("country", "CL", "fullName", fullName, "gender", "FEMALE",
                "affiliation", "STUDENT", "aliases", aliases));
        if (nationalId != null) {
            input.put("nationalId", nationalId);
        }
        return coordinator.documentName("createDetainee").variable("input", input).execute()
                .path("createDetainee.id").entity(String.class).get();
    }

    /** A coordinator of an organisation of its own, whose caseload no other test shares. */
    private HttpGraphQlTester otherCoordinator() {
        String code = TestData.unique("OTHER").toUpperCase();
        actors.admin().document("mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }")
                .variable("input", Map.of("code", code, "name", "Invented Other Collective", "kind", "FAMILY_ORGANISATION",
                        "country", "CL"))
                .execute().path("createOrganisation.id").hasValue();
        return actors.as(TestData.unique("other-coordinator"), Role.COORDINATOR, code);
    }

    @Test
    void shouldFindAPersonByTheirRutInEveryUsualSpelling() {
        String body = rutBody(null);
        char digit = ChileanRut.checkDigit(body);
        String id = person(actors.coordinator(), TestData.unique("Invented Rut"), List.of(),
                Map.of("kind", "CL_RUT", "number", body + "-" + digit));
        String dotted = body.substring(0, 2) + "." + body.substring(2, 5) + "." + body.substring(5) + "-" + digit;

        for (String spelling : List.of(dotted, body + "-" + digit, body + digit, " " + dotted + " ")) {
            actors.coordinator().document(BY_NATIONAL_ID).variable("number", spelling).execute()
                    .path("detaineeByNationalId.id").entity(String.class).isEqualTo(id)
                    .path("detaineeByNationalId.nationalId.number").entity(String.class).isEqualTo(body + "-" + digit);
        }
        actors.lawyer().document(BY_NATIONAL_ID).variable("number", body + digit).execute()
                .path("detaineeByNationalId").valueIsNull(); // not assigned to the test lawyer
    }

    @Test
    void shouldAcceptALowerCaseKAsCheckDigit() {
        String body = rutBody('K');
        String id = person(actors.coordinator(), TestData.unique("Invented K"), List.of(),
                Map.of("kind", "CL_RUT", "number", body + "-K"));
        actors.assignTestLawyer(id);

        actors.lawyer().document(BY_NATIONAL_ID).variable("number", body + "-k").execute()
                .path("detaineeByNationalId.id").entity(String.class).isEqualTo(id);
    }

    @Test
    void shouldFindAnotherDocumentIgnoringSpacesPunctuationAndCase() {
        String number = "XP " + rutBody(null) + "-B";
        String id = person(actors.coordinator(), TestData.unique("Invented Passport"), List.of(),
                Map.of("kind", "BY_PASSPORT", "number", number));

        actors.coordinator().document(BY_NATIONAL_ID).variable("number", number.toLowerCase().replace(" ", "").replace("-", ""))
                .execute().path("detaineeByNationalId.id").entity(String.class).isEqualTo(id);
        actors.coordinator().document(BY_NATIONAL_ID).variable("number", number + "7").execute()
                .path("detaineeByNationalId").valueIsNull();
    }

    @Test
    void shouldAnswerNullOutsideTheCallersScopeAndRefuseRolesThatMayNotReadNationalIds() {
        String body = rutBody(null);
        String rut = body + "-" + ChileanRut.checkDigit(body);
        person(otherCoordinator(), TestData.unique("Invented Elsewhere"), List.of(), Map.of("kind", "CL_RUT", "number", rut));

        actors.coordinator().document(BY_NATIONAL_ID).variable("number", rut).execute()
                .path("detaineeByNationalId").valueIsNull();
        for (HttpGraphQlTester refused : List.of(actors.admin(), actors.analyst(), actors.protectionOfficer())) {
            refused.document(BY_NATIONAL_ID).variable("number", rut).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)))
                    .path("detaineeByNationalId").valueIsNull();
        }
    }

    @Test
    void shouldFilterByAnExactNameOrAliasFoldingCaseAndAccents() {
        String tag = TestData.unique("x");
        String ines = person(actors.coordinator(), "Inés Ñúñez Peña " + tag, List.of("La Chica " + tag), null);
        person(actors.coordinator(), "Inés Ñúñez " + tag, List.of(), null);

        assertThat(namedIn(actors.coordinator(), "  ines  NUNEZ pena " + tag.toUpperCase())).containsExactly(ines);
        assertThat(namedIn(actors.coordinator(), "la chica " + tag)).containsExactly(ines);
        assertThat(namedIn(actors.coordinator(), "Inés Ñúñez Pe " + tag)).as("no partial match").isEmpty();
    }

    @Test
    void shouldKeepTheNameFilterWithinTheCoordinatorsCaseloadAndPageCorrectly() {
        String name = TestData.unique("Invented Namesake");
        String first = person(actors.coordinator(), name, List.of(), null);
        String second = person(actors.coordinator(), name.toUpperCase(), List.of(), null);
        HttpGraphQlTester other = otherCoordinator();
        String elsewhere = person(other, name, List.of(), null);

        var page = actors.coordinator().documentName("detaineesPage").variable("filter", Map.of("name", name))
                .variable("first", 1).execute();
        page.path("detainees.totalCount").entity(Integer.class).isEqualTo(2);
        page.path("detainees.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("detainees.pageInfo.endCursor").entity(String.class).get();
        String next = actors.coordinator().documentName("detaineesPage").variable("filter", Map.of("name", name))
                .variable("first", 1).variable("after", cursor).execute()
                .path("detainees.edges[0].node.id").entity(String.class).get();
        assertThat(List.of(page.path("detainees.edges[0].node.id").entity(String.class).get(), next))
                .containsExactlyInAnyOrder(first, second);
        assertThat(namedIn(other, name)).containsExactly(elsewhere);
    }

    @Test
    void shouldRefuseTheNameFilterToARoleThatMayNotReadNames() {
        String name = TestData.unique("Invented Hidden");
        person(actors.coordinator(), name, List.of(), null);

        actors.admin().documentName("detaineesPage").variable("filter", Map.of("name", name)).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Detainee.fullName").doesNotContain(name);
                }))
                .path("detainees").valueIsNull();
    }

    @Test
    void shouldRejectANameThatFoldsToNothing() {
        actors.coordinator().documentName("detaineesPage").variable("filter", Map.of("name", "   ")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "filter.name");
                }));
    }

    private static List<String> namedIn(HttpGraphQlTester tester, String name) {
        return tester.documentName("detaineesPage").variable("filter", Map.of("name", name)).variable("first", 50).execute()
                .path("detainees.edges[*].node.id").entityList(String.class).get();
    }
}
