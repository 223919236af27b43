package org.prisonerregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prisonerregistry.db.Tables.SUBJECT_KEY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.prisonerregistry.keys.FieldSealing;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

/**
 * A stored value is decrypted only when the query selected its field and the field policy admitted
 * it: counted by {@link FieldSealing#valuesOpened()}, which every decryption adds to. A page that
 * opens nothing reads no data keys; a page that opens something reads them in one statement.
 */
@RegistryIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealedUntilAdmittedTests {

    private static final int PEOPLE = 3;

    @Autowired
    Actors actors;

    @Autowired
    FieldSealing sealing;

    @Autowired
    SqlStatementCounter statements;

    private String region;

    /** People with every personal field filled, each with a detention, a case and a need with sealed text. */
    @BeforeAll
    void people() {
        region = TestData.unique("Invented Sealed Region");
        for (int i = 0; i < PEOPLE; i++) {
            String id = actors.coordinator().documentName("createDetainee")
                    .variable("input", Map.of("country", "CL", "fullName", TestData.unique("Invented Sealed Person"),
                            "aliases", List.of("Invented Alias"), "nationalId", Map.of("kind", "PASSPORT", "number", TestData.unique("P")),
                            "dateOfBirth", "1990-01-0" + (i + 1), "gender", "FEMALE", "affiliation", "STUDENT", "region", region,
                            "familyContact", "Invented sister, +56 9 0000 000" + i, "notes", "Invented notes " + i))
                    .execute().path("createDetainee.id").entity(String.class).get();
            actors.assignTestLawyer(id);
            actors.coordinator().document("""
                            mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", id, "arrestedOn", "2019-11-1" + i, "regime", "PRETRIAL_DETENTION",
                            "illTreatmentAlleged", true, "illTreatmentAccount", "Invented account " + i))
                    .execute().path("recordDetention.id").hasValue();
            actors.lawyer().document("""
                            mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", id, "court", "7º Juzgado de Garantía de Santiago",
                            "ruc", "1910012345-6", "rit", "O-1234-2019", "legalNotes", "Invented defence notes " + i))
                    .execute().path("openCase.id").hasValue();
            actors.coordinator().document("""
                            mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }""")
                    .variable("input", Map.of("detaineeId", id, "category", "HEALTH", "description", "Invented: insulin " + i))
                    .execute().path("recordNeed.id").hasValue();
        }
    }

    @Test
    void shouldOpenNothingOnAnAdministratorsPageWhoseNamesThePolicyRefuses() {
        Opened opened = during(() -> actors.admin().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          publicCode fullName aliases nationalId { number } dateOfBirth familyContact notes
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .errors().filter(e -> e.getErrorType() == ErrorType.FORBIDDEN).verify()
                .path("detainees.edges[*].node.fullName").entityList(Object.class).hasSize(PEOPLE));
        assertThat(opened.values).as("values decrypted for a page whose personal fields are all refused").isZero();
        assertThat(opened.keyReads).as("reads of data keys").isZero();
    }

    @Test
    void shouldOpenOneValuePerRowForAPageAskingOnlyTheName() {
        Opened opened = during(() -> actors.coordinator().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          publicCode fullName gender
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges[*].node.fullName").entityList(String.class)
                .satisfies(names -> assertThat(names).hasSize(PEOPLE).allMatch(n -> n.startsWith("Invented Sealed Person"))));
        assertThat(opened.values).as("values decrypted for a page of names").isEqualTo(PEOPLE);
        assertThat(opened.keyReads).as("the page's data keys, read in one statement").isEqualTo(1);
    }

    @Test
    void shouldOpenNothingOnALawyersPageOfPublicCodes() {
        Opened opened = during(() -> actors.lawyer().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          publicCode ageBand region
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges").entityList(Object.class).hasSize(PEOPLE));
        assertThat(opened.values).as("values decrypted for a page of public codes").isZero();
        assertThat(opened.keyReads).as("reads of data keys").isZero();
    }

    @Test
    void shouldOpenNoDetentionAccountThatTheQueryDidNotSelect() {
        Opened opened = during(() -> actors.lawyer().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          publicCode detentions { arrestedOn illTreatmentAlleged currentRegime }
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges[*].node.detentions[*].illTreatmentAlleged").entityList(Boolean.class)
                .satisfies(alleged -> assertThat(alleged).hasSize(PEOPLE).containsOnly(true)));
        assertThat(opened.values).as("values decrypted for detentions without their accounts").isZero();
    }

    @Test
    void shouldOpenNoCaseNumberNorNoteThatTheQueryDidNotSelect() {
        Opened opened = during(() -> actors.lawyer().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          publicCode cases { court stage }
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges[*].node.cases[*].stage").entityList(String.class).hasSize(PEOPLE));
        assertThat(opened.values).as("values decrypted for cases without numbers or notes").isZero();
    }

    @Test
    void shouldOpenOnlyTheSelectedColumnOfEachCase() {
        Opened opened = during(() -> actors.lawyer().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          cases { ruc }
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges[*].node.cases[*].ruc").entityList(String.class)
                .satisfies(rucs -> assertThat(rucs).hasSize(PEOPLE).containsOnly("1910012345-6")));
        assertThat(opened.values).as("one case number per case").isEqualTo(PEOPLE);
    }

    @Test
    void shouldOpenNoHealthDescriptionForARoleThatMayNotReadIt() {
        Opened opened = during(() -> actors.coordinator().document("""
                        query($filter: DetaineeFilter) { detainees(filter: $filter, first: 10) { edges { node {
                          supportNeeds { category status description }
                        } } } }""")
                .variable("filter", Map.of("region", region)).execute()
                .path("detainees.edges[*].node.supportNeeds[*].category").entityList(String.class).hasSize(PEOPLE));
        assertThat(opened.values).as("health descriptions decrypted for a coordinator").isZero();
    }

    @Test
    void shouldOpenNothingOnADefenderPageWithoutItsSealedFields() {
        TestData data = new TestData(actors);
        String organisation = data.organisation("Invented Sealed Collective");
        for (int i = 0; i < 2; i++) {
            String defender = actors.protectionOfficer().document("""
                            mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                    .variable("input", Map.of("organisationId", organisation, "fullName", TestData.unique("Invented Defender"),
                            "kind", "LAWYER", "riskLevel", "HIGH", "contact", "Invented contact", "protectiveMeasures", "Invented escort"))
                    .execute().path("createDefender.id").entity(String.class).get();
            actors.protectionOfficer().document("""
                            mutation($input: RecordThreatInput!) { recordThreat(input: $input) { id } }""")
                    .variable("input", Map.of("defenderId", defender, "occurredOn", "2020-01-0" + (i + 1), "kind", "HARASSMENT",
                            "channel", "PHONE", "description", "Invented threat", "followUp", "Invented complaint"))
                    .execute().path("recordThreat.id").hasValue();
        }
        Opened opened = during(() -> actors.protectionOfficer().document("""
                        query($filter: DefenderFilter) { defenders(filter: $filter, first: 10) { edges { node {
                          kind riskLevel lastThreatOn threats { kind channel occurredOn }
                        } } } }""")
                .variable("filter", Map.of("organisationId", organisation)).execute()
                .path("defenders.edges[*].node.threats[*].kind").entityList(String.class).hasSize(2));
        assertThat(opened.values).as("values decrypted for defenders without names, contacts or accounts").isZero();
        assertThat(opened.keyReads).as("reads of data keys").isZero();
    }

    /** What a request decrypted: values, and statements reading data keys. */
    private record Opened(long values, long keyReads) {}

    private Opened during(Runnable request) {
        long before = sealing.valuesOpened();
        statements.reset();
        request.run();
        return new Opened(sealing.valuesOpened() - before, statements.selectsFrom(SUBJECT_KEY));
    }
}
