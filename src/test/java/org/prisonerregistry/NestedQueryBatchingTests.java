package org.prisonerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.identity.Role;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The page that matters most (DESIGN.md section 9): detainees with their nested records. Every
 * to-one and to-many field is batched, so the statement count does not grow with the page.
 */
@RegistryIntegrationTest
class NestedQueryBatchingTests {

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsAdmin(@Autowired TestTokens tokens) {
        // Until the field policy lands every caller with a role may do everything; ADMIN stands for them.
        graphQl = tokens.signIn(graphQl, Role.ADMIN);
    }

    @Autowired
    SqlStatementCounter statements;

    @Test
    void shouldReadAPageOfFiftyDetaineesWithNestedRecordsInAFewStatements() {
        String region = TestData.unique("Region");
        seedPeople(region, 50);

        int forFive = statementsForPage(region, 5);
        int forFifty = statementsForPage(region, 50);

        assertThat(forFifty).as("statements for 50 detainees").isEqualTo(forFive).isLessThanOrEqualTo(12);
    }

    private int statementsForPage(String region, int size) {
        statements.reset();
        graphQl.documentName("lawyersFirstPage").variable("filter", Map.of("region", region)).variable("first", size)
                .execute()
                .path("detainees.edges").entityList(Object.class).hasSize(size)
                .path("detainees.edges[*].node.detentions[0].custodyPeriods[0].facility.name").entityList(String.class)
                .satisfies(names -> assertThat(names).hasSize(size).doesNotContainNull());
        return statements.count();
    }

    private void seedPeople(String region, int count) {
        TestData data = new TestData(graphQl);
        String organisation = data.organisation("Invented Family Network");
        List<String> prisons = List.of(data.facility("CL", region), data.facility("CL", region), data.facility("CL", region));
        for (int i = 0; i < count; i++) {
            String person = data.detainee(region);
            data.detention(person, "2019-11-" + (10 + i % 18), "PRETRIAL_DETENTION", prisons.get(i % prisons.size()));
            graphQl.document("""
                    mutation($input: CaseloadInput!) { addToCaseload(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "organisationId", organisation))
                    .execute().path("addToCaseload.id").hasValue();
            graphQl.document("""
                    mutation($input: RecognitionInput!) { recognisePoliticalPrisoner(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "organisationId", organisation,
                            "recognisedOn", "2020-01-15"))
                    .execute().path("recognisePoliticalPrisoner.id").hasValue();
        }
    }
}
