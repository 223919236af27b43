package org.prisonerregistry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enforcement of the field policy itself, over HTTP with real tokens: a field the acting role is
 * not admitted to resolves to null with a FORBIDDEN error at its path and never carries the value;
 * SPECIAL fields need a stated purpose; a token with several roles acts in the one X-Acting-Role names,
 * with that role's fields and rows only. Which role may read which field is the matrix test's job.
 */
@RegistryIntegrationTest
class FieldAccessTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NAME_AND_REGION = "query($id: ID!) { detainee(id: $id) { region fullName } }";
    private static final String PERSONAL_DATA = """
            query($id: ID!) { detainee(id: $id) { id region fullName familyContact notes } }""";
    private static final String DEFENDER = "query($id: ID!) { defender(id: $id) { id fullName riskLevel contact } }";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    TestTokens tokens;

    @Autowired
    Actors actors;

    @LocalServerPort
    int port;

    /** What a detainee was registered with, to look for in answers and messages. */
    private record Person(String id, String region, String fullName, String familyContact, String notes) {
    }

    /**
     * A detainee with personal data in the test caseload; assigned to the test lawyer only when
     * {@code assignLawyer}.
     */
    private Person person(boolean assignLawyer) {
        String region = TestData.unique("Region");
        String fullName = TestData.unique("Invented Secret Name");
        String familyContact = TestData.unique("Invented sister +56 9 1111");
        String notes = TestData.unique("Invented legal strategy");
        String id = actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", fullName, "gender", "MALE",
                        "affiliation", "WORKER", "region", region, "familyContact", familyContact, "notes", notes))
                .execute().path("createDetainee.id").entity(String.class).get();
        if (assignLawyer) {
            actors.assignTestLawyer(id);
        }
        return new Person(id, region, fullName, familyContact, notes);
    }

    private String defender() {
        String org = new TestData(actors).organisation(TestData.unique("Invented Defence Collective"));
        return actors.protectionOfficer().document("""
                        mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                .variable("input", Map.of("organisationId", org, "fullName", "Invented Threatened Lawyer",
                        "kind", "LAWYER", "riskLevel", "CRITICAL", "contact", "Invented safe line 555"))
                .execute().path("createDefender.id").entity(String.class).get();
    }

    /** A tester with a token for {@code subject} granting {@code roles}, acting in {@code acting} (may be null). */
    private HttpGraphQlTester withRoles(String subject, Set<Role> roles, String organisation, String acting) {
        String token = tokens.token(subject, roles, organisation);
        return graphQl.mutate().headers(headers -> {
            headers.setBearerAuth(token);
            if (acting != null) {
                headers.set("X-Acting-Role", acting);
            }
        }).build();
    }

    private static void assertRefused(ResponseError error, ErrorType type, List<Object> path) {
        assertThat(error.getErrorType()).isEqualTo(type);
        assertThat(error.getExtensions()).containsEntry("classification", type.name());
        assertThat(error.getParsedPath()).containsExactlyElementsOf(path);
    }

    private static void assertNoValueIn(List<ResponseError> errors, String... values) {
        assertThat(errors).allSatisfy(error -> {
            for (String value : values) {
                assertThat(error.getMessage()).doesNotContain(value);
                assertThat(error.toString()).doesNotContain(value);
            }
        });
    }

    @Test
    void anAdminReadsTheInternalFieldsOfADetaineeButGetsNullAndForbiddenForItsPersonalData() {
        Person person = person(true);

        var answer = actors.admin().document("""
                        query($id: ID!) { detainee(id: $id) { id region familyContact notes } }""")
                .variable("id", person.id()).execute();

        answer.errors().satisfy(errors -> {
            assertThat(errors).hasSize(2);
            assertRefused(errors.get(0), ErrorType.FORBIDDEN, List.of("detainee", "familyContact"));
            assertThat(errors.get(0).getMessage()).isEqualTo("Detainee.familyContact is not available to the role ADMIN");
            assertRefused(errors.get(1), ErrorType.FORBIDDEN, List.of("detainee", "notes"));
            assertThat(errors.get(1).getMessage()).isEqualTo("Detainee.notes is not available to the role ADMIN");
            assertNoValueIn(errors, person.familyContact(), person.notes(), person.fullName());
        });
        answer.path("detainee.id").entity(String.class).isEqualTo(person.id());
        answer.path("detainee.region").entity(String.class).isEqualTo(person.region());
        answer.path("detainee.familyContact").valueIsNull();
        answer.path("detainee.notes").valueIsNull();
    }

    @Test
    void anAdminAskingForTheNameGetsForbiddenAtItsPathAndStillGetsTheRegion() {
        // Fields a reaching role may be refused are nullable (checked at start-up), so the refusal
        // nulls the name alone and the admin's region comes back.
        Person person = person(true);

        HttpResponse<String> response = http("{ detainee(id: \"" + person.id() + "\") { region fullName } }",
                tokens.token("test-admin", Set.of(Role.ADMIN), null), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(person.fullName());
        JsonNode body = RawHttp.json(response);
        assertThat(body.path("data").path("detainee").path("region").stringValue()).isEqualTo(person.region());
        assertThat(body.path("data").path("detainee").path("fullName").isNull()).isTrue();
        assertThat(body.path("errors")).hasSize(1);
        JsonNode error = body.path("errors").path(0);
        assertThat(error.path("message").stringValue()).isEqualTo("Detainee.fullName is not available to the role ADMIN");
        assertThat(error.path("extensions").path("classification").stringValue()).isEqualTo("FORBIDDEN");
        assertThat(error.path("path").valueStream().map(JsonNode::asString)).containsExactly("detainee", "fullName");
    }

    @Test
    void aRefusedFieldInAListIsRefusedAtEachElementsPath() {
        Person person = person(true);

        actors.admin().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter) { totalCount edges { node { id notes } } } }""")
                .variable("filter", Map.of("region", person.region())).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> assertRefused(error, ErrorType.FORBIDDEN,
                            List.of("detainees", "edges", 0, "node", "notes")));
                    assertNoValueIn(errors, person.notes());
                })
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(1)
                .path("detainees.edges[0].node.id").entity(String.class).isEqualTo(person.id())
                .path("detainees.edges[0].node.notes").valueIsNull();
    }

    @Test
    void anAnalystIsRefusedTheListOfDetaineesWithForbidden() {
        person(true);

        actors.analyst().document("{ detainees { totalCount edges { node { id region } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertRefused(error, ErrorType.FORBIDDEN, List.of("detainees"));
                    assertThat(error.getMessage()).isEqualTo("Query.detainees is not available to the role ANALYST");
                }))
                .path("detainees").valueIsNull();
    }

    @Test
    void anAnalystWithAValidTokenReadsThePublicStatistics() {
        actors.analyst().document("{ publicStats { threshold asOf peopleByCountryAndRegime { country regime withheld } } }")
                .execute()
                .errors().verify()
                .path("publicStats.threshold").entity(Integer.class).isEqualTo(5)
                .path("publicStats.asOf").hasValue()
                .path("publicStats.peopleByCountryAndRegime").hasValue();
    }

    @Test
    void aRefusedMutationRunsNothing() {
        String region = TestData.unique("Region");

        actors.admin().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", "Invented Never Written", "gender", "FEMALE",
                        "affiliation", "STUDENT", "region", region))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertRefused(error, ErrorType.FORBIDDEN, List.of("createDetainee"));
                    assertThat(error.getMessage()).doesNotContain("Invented Never Written");
                }));

        actors.admin().document("query($filter: DetaineeFilter) { detainees(filter: $filter) { totalCount } }")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aSpecialFieldWithoutAStatedPurposeIsRefusedWithAMessageNamingTheHeader() {
        String defender = defender();
        HttpGraphQlTester withoutPurpose = tokens.signIn(graphQl, Role.PROTECTION_OFFICER);

        withoutPurpose.document(DEFENDER).variable("id", defender).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertRefused(error, ErrorType.FORBIDDEN, List.of("defender"));
                        assertThat(error.getMessage()).contains("Query.defender").contains("SPECIAL")
                                .contains("X-Access-Purpose");
                    });
                    assertNoValueIn(errors, "Invented Threatened Lawyer", "Invented safe line 555", "CRITICAL");
                })
                .path("defender").valueIsNull();
    }

    @Test
    void aSpecialMutationWithoutAStatedPurposeIsRefusedAndWritesNothing() {
        String org = new TestData(actors).organisation(TestData.unique("Invented Defence Collective"));
        HttpGraphQlTester withoutPurpose = tokens.signIn(graphQl, Role.PROTECTION_OFFICER);

        withoutPurpose.document("mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }")
                .variable("input", Map.of("organisationId", org, "fullName", "Invented Unwritten Defender",
                        "kind", "LAWYER", "riskLevel", "LOW"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertRefused(error, ErrorType.FORBIDDEN, List.of("createDefender"));
                    assertThat(error.getMessage()).contains("X-Access-Purpose").doesNotContain("Invented Unwritten");
                }));

        actors.protectionOfficer().document("query($org: ID!) { defenders(filter: { organisationId: $org }) { totalCount } }")
                .variable("org", org).execute()
                .path("defenders.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aBlankOrOverlongPurposeCountsAsNoPurpose() {
        String defender = defender();
        HttpGraphQlTester officer = tokens.signIn(graphQl, Role.PROTECTION_OFFICER);

        for (String purpose : List.of("   ", "x".repeat(AccessContextInterceptor.MAX_PURPOSE_LENGTH + 1))) {
            officer.mutate().header(AccessContextInterceptor.PURPOSE_HEADER, purpose).build()
                    .document(DEFENDER).variable("id", defender).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                        assertRefused(error, ErrorType.FORBIDDEN, List.of("defender"));
                        assertThat(error.getMessage()).contains("X-Access-Purpose");
                    }))
                    .path("defender").valueIsNull();
        }
    }

    @Test
    void aSpecialFieldWithAStatedPurposeIsReturned() {
        String defender = defender();
        HttpGraphQlTester withPurpose = tokens.signIn(graphQl, Role.PROTECTION_OFFICER).mutate()
                .header("X-Access-Purpose", "Reviewing the protective measures of a threatened lawyer").build();

        withPurpose.document(DEFENDER).variable("id", defender).execute()
                .path("defender.id").entity(String.class).isEqualTo(defender)
                .path("defender.fullName").entity(String.class).isEqualTo("Invented Threatened Lawyer")
                .path("defender.riskLevel").entity(String.class).isEqualTo("CRITICAL")
                .path("defender.contact").entity(String.class).isEqualTo("Invented safe line 555");
    }

    @Test
    void aTokenWithSeveralRolesAndNoActingRoleIsRefusedEveryRoleSpecificFieldWithAMessageNamingTheHeader() {
        Person person = person(true);
        HttpGraphQlTester twoRoles = withRoles(Actors.LAWYER_SUBJECT, Set.of(Role.COORDINATOR, Role.LAWYER),
                Actors.ORGANISATION_CODE, null);

        twoRoles.document(NAME_AND_REGION).variable("id", person.id()).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertRefused(error, ErrorType.FORBIDDEN, List.of("detainee"));
                        assertThat(error.getMessage()).contains("X-Acting-Role");
                    });
                    assertNoValueIn(errors, person.fullName(), person.region());
                })
                .path("detainee").valueIsNull();
        // Fields every role may use do not depend on the role, so they need no choice of one.
        twoRoles.document("{ me { roles } organisations { __typename } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("COORDINATOR", "LAWYER");
        twoRoles.document("{ publicStats { threshold } }").execute()
                .path("publicStats.threshold").entity(Integer.class).isEqualTo(5);
    }

    @Test
    void aTokenWithSeveralRolesActingAsLawyerHasTheRowsAndFieldsOfALawyerOnly() {
        Person assigned = person(true);
        Person caseloadOnly = person(false);
        HttpGraphQlTester asLawyer = withRoles(Actors.LAWYER_SUBJECT, Set.of(Role.COORDINATOR, Role.LAWYER),
                Actors.ORGANISATION_CODE, "LAWYER");
        HttpGraphQlTester asCoordinator = withRoles(Actors.LAWYER_SUBJECT, Set.of(Role.COORDINATOR, Role.LAWYER),
                Actors.ORGANISATION_CODE, "COORDINATOR");

        asLawyer.document(PERSONAL_DATA).variable("id", assigned.id()).execute()
                .path("detainee.fullName").entity(String.class).isEqualTo(assigned.fullName())
                .path("detainee.notes").entity(String.class).isEqualTo(assigned.notes());
        asLawyer.document(PERSONAL_DATA).variable("id", caseloadOnly.id()).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error ->
                            assertRefused(error, ErrorType.NOT_FOUND, List.of("detainee")));
                    assertNoValueIn(errors, caseloadOnly.fullName(), caseloadOnly.notes());
                })
                .path("detainee").valueIsNull();
        asLawyer.document("query($filter: DetaineeFilter) { detainees(filter: $filter) { totalCount } }")
                .variable("filter", Map.of("region", caseloadOnly.region())).execute()
                .path("detainees.totalCount").entity(Integer.class).isEqualTo(0);
        asLawyer.document("{ me { roles scope } }").execute()
                .path("me.roles").entityList(String.class).containsExactly("LAWYER")
                .path("me.scope").entityList(String.class).containsExactly("ASSIGNED_CASES");

        // The same token acting as coordinator reaches the whole caseload, but not the lawyer's fields.
        asCoordinator.document(PERSONAL_DATA).variable("id", caseloadOnly.id()).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).singleElement().satisfies(error -> {
                        assertRefused(error, ErrorType.FORBIDDEN, List.of("detainee", "notes"));
                        assertThat(error.getMessage()).isEqualTo("Detainee.notes is not available to the role COORDINATOR");
                    });
                    assertNoValueIn(errors, caseloadOnly.notes());
                })
                .path("detainee.fullName").entity(String.class).isEqualTo(caseloadOnly.fullName())
                .path("detainee.notes").valueIsNull();
    }

    @Test
    void anActingRoleTheTokenDoesNotGrantIsRefusedWith403AndAForbiddenBody() {
        Person person = person(true);
        String token = tokens.token(Actors.LAWYER_SUBJECT, Set.of(Role.COORDINATOR, Role.LAWYER), Actors.ORGANISATION_CODE);
        String query = "{ detainee(id: \"" + person.id() + "\") { fullName } }";

        for (String acting : List.of("ADMIN", "PROTECTION_OFFICER", "WIZARD", "")) {
            HttpResponse<String> response = http(query, token, acting);

            assertThat(response.statusCode()).as(acting).isEqualTo(403);
            JsonNode body = RawHttp.json(response);
            assertThat(body.has("data")).isFalse();
            assertThat(body.path("errors").path(0).path("extensions").path("classification").stringValue())
                    .isEqualTo("FORBIDDEN");
            assertThat(body.path("errors").path(0).path("message").stringValue()).contains("X-Acting-Role");
            assertThat(response.body()).doesNotContain(person.fullName());
        }
        HttpResponse<String> singleRole = http(query, tokens.token("test-coordinator", Set.of(Role.COORDINATOR),
                Actors.ORGANISATION_CODE), "LAWYER");
        assertThat(singleRole.statusCode()).isEqualTo(403);
        assertThat(singleRole.body()).doesNotContain(person.fullName());
    }

    @Test
    void anActingRoleTheTokenGrantsIsAcceptedInAnyCase() {
        String token = tokens.token(Actors.LAWYER_SUBJECT, Set.of(Role.COORDINATOR, Role.LAWYER), Actors.ORGANISATION_CODE);

        HttpResponse<String> response = http("{ me { roles } }", token, "lawyer");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RawHttp.json(response).path("data").path("me").path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("LAWYER");
    }

    /** A POST of {@code query} with a bearer token, and an X-Acting-Role header unless {@code acting} is null. */
    private HttpResponse<String> http(String query, String token, String acting) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (acting != null) {
            request.header("X-Acting-Role", acting);
        }
        return new RawHttp(port).send(request.build());
    }
}
