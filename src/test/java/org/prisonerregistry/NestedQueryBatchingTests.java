package org.prisonerregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The page that matters most: detainees with their nested records, as a lawyer
 * reads the first page of the people assigned to them. Every to-one and to-many field is batched, so
 * the statement count does not grow with the page.
 */
@RegistryIntegrationTest
class NestedQueryBatchingTests {

    @Autowired
    Actors actors;

    @Autowired
    SqlStatementCounter statements;

    @Test
    void shouldReadAPageOfFiftyDetaineesWithNestedRecordsInAFewStatements() {
        String region = TestData.unique("Region");
        seedPeople(region, 50);

        int forFive = statementsForPage(region, 5);
        int forFifty = statementsForPage(region, 50);

        System.out.printf("nested page: %d SQL statements for 5 detainees, %d for 50%n", forFive, forFifty);
        assertThat(forFifty).as("statements for 50 detainees").isEqualTo(forFive).isLessThanOrEqualTo(25);
    }

    private int statementsForPage(String region, int size) {
        HttpGraphQlTester lawyer = actors.lawyer();
        statements.reset();
        lawyer.documentName("lawyersFirstPage").variable("filter", Map.of("region", region)).variable("first", size)
                .execute()
                .path("detainees.edges").entityList(Object.class).hasSize(size)
                .path("detainees.edges[*].node.detentions[0].custodyPeriods[0].facility.name").entityList(String.class)
                .satisfies(names -> assertThat(names).hasSize(size).doesNotContainNull())
                .path("detainees.edges[*].node.cases[0].charges[0].provision.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).hasSize(size).containsOnly("CL-LEY-12927-ART6"))
                .path("detainees.edges[*].node.disbursements[0].paidBy.name").entityList(String.class)
                .satisfies(payers -> assertThat(payers).hasSize(size))
                .path("detainees.edges[*].node.lawyers[0].lawyer.kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).hasSize(size).containsOnly("LAWYER"));
        return statements.count();
    }

    /**
     * People in the test caseload, each assigned to the test lawyer (by {@link TestData}), with a
     * detention, a caseload and a recognition of another organisation (recorded by ADMIN), a case with
     * a charge, a hearing and a sentence (recorded by the lawyer) and a payment (by the coordinator).
     */
    private void seedPeople(String region, int count) {
        TestData data = new TestData(actors);
        HttpGraphQlTester admin = actors.admin();
        HttpGraphQlTester coordinator = actors.coordinator();
        HttpGraphQlTester lawyer = actors.lawyer();
        String organisation = data.organisation("Invented Family Network");
        List<String> prisons = List.of(data.facility("CL", region), data.facility("CL", region), data.facility("CL", region));
        for (int i = 0; i < count; i++) {
            String person = data.detainee(region);
            data.detention(person, "2019-11-" + (10 + i % 18), "PRETRIAL_DETENTION", prisons.get(i % prisons.size()));
            admin.document("""
                    mutation($input: CaseloadInput!) { addToCaseload(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "organisationId", organisation))
                    .execute().path("addToCaseload.id").hasValue();
            admin.document("""
                    mutation($input: RecognitionInput!) { recognisePoliticalPrisoner(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "organisationId", organisation,
                            "recognisedOn", "2020-01-15"))
                    .execute().path("recognisePoliticalPrisoner.id").hasValue();
            String courtCase = lawyer.document("""
                    mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "court", "7º Juzgado de Garantía de Santiago",
                            "ruc", "1910012345-6", "rit", "O-1234-2019"))
                    .execute().path("openCase.id").entity(String.class).get();
            lawyer.document("""
                    mutation($input: AddChargeInput!) { addCharge(input: $input) { id } }""")
                    .variable("input", Map.of("caseId", courtCase, "legalProvisionCode", "CL-LEY-12927-ART6"))
                    .execute().path("addCharge.id").hasValue();
            lawyer.document("""
                    mutation($input: RecordHearingInput!) { recordHearing(input: $input) { id } }""")
                    .variable("input", Map.of("caseId", courtCase, "heldOn", "2019-12-02", "kind", "FORMALISATION"))
                    .execute().path("recordHearing.id").hasValue();
            lawyer.document("""
                    mutation($input: RecordSentenceInput!) { recordSentence(input: $input) { id } }""")
                    .variable("input", Map.of("caseId", courtCase, "imposedOn", "2020-09-01", "termYears", 3,
                            "regime", "EFFECTIVE_PRISON", "startsOn", "2020-09-01"))
                    .execute().path("recordSentence.id").hasValue();
            coordinator.document("""
                    mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", person, "paidById", organisation, "paidOn", "2020-01-20",
                            "amount", "150000", "currency", "CLP", "category", "LAWYER_FEES"))
                    .execute().path("recordDisbursement.id").hasValue();
        }
    }
}
