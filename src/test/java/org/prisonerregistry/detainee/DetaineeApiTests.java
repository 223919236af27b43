package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class DetaineeApiTests {

    @Autowired
    Actors actors;

    private TestData data() {
        return new TestData(actors);
    }

    private static Map<String, Object> newPerson(String region) {
        Map<String, Object> input = new HashMap<>();
        input.put("country", "CL");
        input.put("fullName", TestData.unique("Camila Invented"));
        input.put("gender", "FEMALE");
        input.put("affiliation", "STUDENT");
        input.put("region", region);
        return input;
    }

    /** Detainees in the region anywhere in the registry: ADMIN reaches every row. */
    private int countIn(String region) {
        return actors.admin().documentName("detaineesPage").variable("filter", Map.of("region", region))
                .execute().path("detainees.totalCount").entity(Integer.class).get();
    }

    @Test
    void shouldCreateADetaineeWithNormalisedRutAndPublicCode() {
        String org = data().organisation("Invented Defence Collective");
        Map<String, Object> input = newPerson(TestData.unique("Region"));
        input.put("aliases", List.of(" La Invented ", "Cami"));
        input.put("nationalId", Map.of("kind", "CL_RUT", "number", "12.345.678-5"));
        input.put("dateOfBirth", "2001-03-04");
        input.put("caseloadOrganisationIds", List.of(org));

        var response = actors.coordinator().documentName("createDetainee").variable("input", input).execute();

        response.path("createDetainee.publicCode").entity(String.class).satisfies(code ->
                assertThat(code).matches("CL-\\d{4}-\\d{6}"));
        response.path("createDetainee.nationalId.number").entity(String.class).isEqualTo("12345678-5");
        response.path("createDetainee.aliases").entityList(String.class).containsExactly("La Invented", "Cami");
        response.path("createDetainee.version").entity(Integer.class).isEqualTo(1);
        response.path("createDetainee.ageBand").entity(String.class).isEqualTo("FROM_25_TO_34");
        response.path("createDetainee.caseload[0].code").hasValue();
    }

    @Test
    void shouldRejectAWrongRutCheckDigitNamingTheFieldAndWriteNothing() {
        String region = TestData.unique("Region");
        Map<String, Object> input = newPerson(region);
        input.put("nationalId", Map.of("kind", "CL_RUT", "number", "12.345.678-9"));

        actors.coordinator().documentName("createDetainee").variable("input", input).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(errors.getFirst().getExtensions()).containsEntry("field", "input.nationalId.number");
                    assertThat(errors.getFirst().getMessage()).doesNotContain("12.345.678-9").contains("check digit");
                });
        assertThat(countIn(region)).isZero();
    }

    @Test
    void shouldReportEveryInvalidFieldAtOnce() {
        Map<String, Object> input = newPerson("R");
        input.put("fullName", " ");
        input.put("country", "Chile");
        input.put("dateOfBirth", "2999-01-01");

        actors.coordinator().documentName("createDetainee").variable("input", input).execute()
                .errors().satisfy(errors -> assertThat(errors)
                        .extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.country", "input.fullName", "input.dateOfBirth"));
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndBumpTheVersion() {
        String region = TestData.unique("Region");
        String id = data().detainee(region);

        var updated = actors.lawyer().documentName("updateDetainee")
                .variable("input", Map.of("id", id, "version", 1, "notes", "Needs a lawyer for the appeal"))
                .execute();

        updated.path("updateDetainee.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateDetainee.notes").entity(String.class).isEqualTo("Needs a lawyer for the appeal");
        updated.path("updateDetainee.region").entity(String.class).isEqualTo(region);
    }

    @Test
    void shouldRefuseAStaleUpdateWithConflictInsteadOfOverwriting() {
        String id = data().detainee(TestData.unique("Region"));
        HttpGraphQlTester lawyer = actors.lawyer();
        lawyer.documentName("updateDetainee").variable("input", Map.of("id", id, "version", 1, "notes", "first"))
                .execute().path("updateDetainee.version").entity(Integer.class).isEqualTo(2);

        lawyer.documentName("updateDetainee").variable("input", Map.of("id", id, "version", 1, "notes", "second"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        lawyer.document("query($id: ID!) { detainee(id: $id) { notes version } }").variable("id", id).execute()
                .path("detainee.notes").entity(String.class).isEqualTo("first")
                .path("detainee.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownDetainee() {
        actors.admin().document("{ detainee(id: \"00000000-0000-4000-8000-000000000000\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void shouldRejectAMalformedIdAsBadRequest() {
        actors.admin().document("{ detainee(id: \"not-an-id\") { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST)));
    }

    @Test
    void shouldPageThroughDetaineesWithOpaqueCursors() {
        String region = TestData.unique("Region");
        for (int i = 0; i < 3; i++) {
            data().detainee(region);
        }
        HttpGraphQlTester coordinator = actors.coordinator();

        var first = coordinator.documentName("detaineesPage").variable("filter", Map.of("region", region))
                .variable("first", 2).execute();
        first.path("detainees.totalCount").entity(Integer.class).isEqualTo(3);
        first.path("detainees.edges").entityList(Object.class).hasSize(2);
        first.path("detainees.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("detainees.pageInfo.endCursor").entity(String.class).get();

        var second = coordinator.documentName("detaineesPage").variable("filter", Map.of("region", region))
                .variable("first", 2).variable("after", cursor).execute();
        second.path("detainees.edges").entityList(Object.class).hasSize(1);
        second.path("detainees.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("detainees.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void shouldCapThePageSizeAndRefuseForeignCursors() {
        actors.coordinator().documentName("detaineesPage").variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "first")));
        actors.coordinator().documentName("detaineesPage").variable("after", "bm90LWEtY3Vyc29y").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "after")));
    }

    @Test
    void shouldClassifyAMalformedVariableAsBadRequestWithoutQuotingTheValue() {
        Map<String, Object> input = newPerson("R");
        input.put("dateOfBirth", "1999-13-45");

        actors.coordinator().documentName("createDetainee").variable("input", input).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("input").doesNotContain("1999-13-45");
                }));
    }
}
