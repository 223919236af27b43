package org.prisonerregistry.legal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class LegalApiTests {

    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    private static final String ADD_CHARGE = """
            mutation($input: AddChargeInput!) { addCharge(input: $input) { id outcome version } }""";
    private static final String RECORD_CHARGE_OUTCOME = """
            mutation($input: RecordChargeOutcomeInput!) { recordChargeOutcome(input: $input) { id outcome version } }""";
    private static final String RECORD_HEARING = """
            mutation($input: RecordHearingInput!) { recordHearing(input: $input) { id } }""";

    @Autowired
    Actors actors;

    /** The test lawyer, assigned by TestData to every detainee it makes: cases are theirs to read and write. */
    HttpGraphQlTester lawyer;

    @BeforeEach
    void actAsTheAssignedLawyer() {
        lawyer = actors.lawyer();
    }

    @Autowired
    SqlStatementCounter statements;

    private TestData data() {
        return new TestData(actors);
    }

    private LegalTestData legal() {
        return new LegalTestData(lawyer);
    }

    private static String daysFromToday(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    private GraphQlTester.Response casesOf(String detaineeId) {
        return lawyer.documentName("legal-detaineeCases").variable("id", detaineeId).execute();
    }

    /** Every error is a BAD_REQUEST, and together they name exactly {@code fields}. */
    private static void assertRefused(GraphQlTester.Response response, String... fields) {
        response.errors().satisfy(errors -> {
            assertThat(errors).allSatisfy(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST));
            assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                    .containsExactlyInAnyOrder((Object[]) fields);
        });
    }

    @Test
    void shouldOpenACaseWithChargesHearingsAndASentenceAndReadItBackUnderTheDetainee() {
        String person = data().detainee(TestData.unique("Region"));
        data().detention(person, "2019-10-20", "PRETRIAL_DETENTION", null);
        Map<String, Object> input = new HashMap<>(Map.of("detaineeId", person, "court", "7º Juzgado de Garantía de Santiago",
                "ruc", "1910012345-6", "rit", " o-1234-2020 ", "prosecutor", "Fiscalía Centro Norte",
                "stage", "FORMALISED", "legalNotes", "Chain of custody of the evidence is broken"));
        var opened = lawyer.documentName("legal-openCase").variable("input", input).execute();
        opened.path("openCase.country").entity(String.class).isEqualTo("CL");
        opened.path("openCase.rit").entity(String.class).isEqualTo("O-1234-2020");
        opened.path("openCase.version").entity(Integer.class).isEqualTo(1);
        String caseId = opened.path("openCase.id").entity(String.class).get();
        legal().charge(caseId, "CL-LEY-21208");
        legal().charge(caseId, "CL-CP-269");
        String trialDay = daysFromToday(30);
        legal().hearing(caseId, trialDay, "TRIAL");
        legal().hearing(caseId, "2019-10-21", "DETENTION_CONTROL");
        legal().sentence(caseId, Map.of("imposedOn", "2021-06-01", "termYears", 3, "termDays", 1,
                "regime", "EFFECTIVE_PRISON", "startsOn", "2019-10-20"));

        var read = casesOf(person);

        read.path("detainee.cases").entityList(Object.class).hasSize(1);
        read.path("detainee.cases[0].id").entity(String.class).isEqualTo(caseId);
        read.path("detainee.cases[0].detainee.id").entity(String.class).isEqualTo(person);
        read.path("detainee.cases[0].ruc").entity(String.class).isEqualTo("1910012345-6");
        read.path("detainee.cases[0].stage").entity(String.class).isEqualTo("FORMALISED");
        read.path("detainee.cases[0].prosecutor").entity(String.class).isEqualTo("Fiscalía Centro Norte");
        read.path("detainee.cases[0].charges[*].provision.code").entityList(String.class)
                .containsExactly("CL-LEY-21208", "CL-CP-269");
        read.path("detainee.cases[0].charges[*].outcome").entityList(String.class).containsExactly("PENDING", "PENDING");
        read.path("detainee.cases[0].hearings[*].heldOn").entityList(String.class).containsExactly("2019-10-21", trialDay);
        read.path("detainee.cases[0].nextHearing.heldOn").entity(String.class).isEqualTo(trialDay);
        read.path("detainee.cases[0].nextHearing.kind").entity(String.class).isEqualTo("TRIAL");
        read.path("detainee.cases[0].sentences[0].court").entity(String.class).isEqualTo("7º Juzgado de Garantía de Santiago");
        read.path("detainee.cases[0].sentences[0].appealStatus").entity(String.class).isEqualTo("NOT_APPEALED");
        read.path("detainee.cases[0].sentences[0].expectedReleaseOn").entity(String.class).isEqualTo("2022-10-21");
    }

    @Test
    void shouldPickTheEarliestHearingDatedTodayOrLaterAsTheNextHearing() {
        String person = data().detainee(TestData.unique("Region"));
        String later = legal().openCase(person);
        legal().hearing(later, daysFromToday(-5), "FORMALISATION");
        legal().hearing(later, daysFromToday(40), "TRIAL");
        legal().hearing(later, daysFromToday(10), "PREPARATORY");
        String today = legal().openCase(person);
        legal().hearing(today, daysFromToday(3), "OTHER");
        legal().hearing(today, daysFromToday(0), "PRECAUTIONARY_MEASURES_REVIEW");
        String past = legal().openCase(person);
        legal().hearing(past, daysFromToday(-1), "FORMALISATION");

        var read = casesOf(person);

        read.path("detainee.cases[*].id").entityList(String.class).containsExactly(later, today, past);
        read.path("detainee.cases[0].nextHearing.heldOn").entity(String.class).isEqualTo(daysFromToday(10));
        read.path("detainee.cases[1].nextHearing.heldOn").entity(String.class).isEqualTo(daysFromToday(0));
        read.path("detainee.cases[2].nextHearing").valueIsNull();
        read.path("detainee.cases[0].hearings[*].heldOn").entityList(String.class)
                .containsExactly(daysFromToday(-5), daysFromToday(10), daysFromToday(40));
    }

    @Test
    void shouldComputeTheExpectedReleaseOnlyForCustodialSentencesWithAStart() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")));
        var prison = lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2020-11-30", "termYears", 5, "termMonths", 1, "regime", "EFFECTIVE_PRISON",
                "startsOn", "2020-01-31", "court", "Tribunal de Juicio Oral en lo Penal de Temuco")).execute();
        prison.path("recordSentence.expectedReleaseOn").entity(String.class).isEqualTo("2025-02-28");
        prison.path("recordSentence.court").entity(String.class).isEqualTo("Tribunal de Juicio Oral en lo Penal de Temuco");
        lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                        "imposedOn", "2021-03-01", "termMonths", 6, "termDays", 10, "regime", "HOUSE_ARREST",
                        "startsOn", "2021-03-01")).execute()
                .path("recordSentence.expectedReleaseOn").entity(String.class).isEqualTo("2021-09-11");
        lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                        "imposedOn", "2021-03-01", "termYears", 3, "regime", "SUSPENDED", "startsOn", "2021-03-01"))
                .execute().path("recordSentence.expectedReleaseOn").valueIsNull();
        lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                        "imposedOn", "2021-03-01", "termYears", 3, "regime", "EFFECTIVE_PRISON",
                        "appealStatus", "PENDING")).execute()
                .path("recordSentence.expectedReleaseOn").valueIsNull();
        var fine = lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2021-03-01", "regime", "FINE_ONLY", "startsOn", "2021-03-01",
                "fineAmount", "250000.5", "fineCurrency", "CLP")).execute();
        fine.path("recordSentence.expectedReleaseOn").valueIsNull();
        fine.path("recordSentence.fineAmount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("250000.50"));
        fine.path("recordSentence.termYears").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void shouldRejectMalformedCaseFieldsNamingEachWithoutEchoingValuesAndWriteNothing() {
        String person = data().detainee(TestData.unique("Region"));
        Map<String, Object> input = new HashMap<>(Map.of("detaineeId", person, "court", " ",
                "ruc", "19100-12345", "rit", "1234/2020", "prosecutor", "x".repeat(301)));

        var refused = lawyer.documentName("legal-openCase").variable("input", input).execute();

        assertRefused(refused, "input.court", "input.ruc", "input.rit", "input.prosecutor");
        refused.errors().satisfy(errors -> assertThat(errors).allSatisfy(e -> assertThat(e.getMessage())
                .doesNotContain("19100-12345").doesNotContain("1234/2020").doesNotContain("xxx")));
        casesOf(person).path("detainee.cases").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseChileanCaseNumbersForACaseInAnotherCountry() {
        String person = data().detainee(TestData.unique("Region"));
        Map<String, Object> input = Map.of("detaineeId", person, "court", "Minsk City Court", "country", "BY",
                "rit", "O-1234-2020");

        assertRefused(lawyer.documentName("legal-openCase").variable("input", input).execute(), "input.rit");
        assertRefused(lawyer.documentName("legal-openCase").variable("input", Map.of("detaineeId", person,
                "court", "Minsk City Court", "country", "Belarus")).execute(), "input.country");

        String belarusian = legal().openCase(person, Map.of("court", "Minsk City Court", "country", "BY",
                "caseNumber", "1-123/2021"));
        casesOf(person).path("detainee.cases[*].id").entityList(String.class).containsExactly(belarusian);
    }

    @Test
    void shouldReportEveryInvalidSentenceFieldAtOnceAndWriteNothing() {
        String person = data().detainee(TestData.unique("Region"));
        String caseId = legal().openCase(person);
        Map<String, Object> input = new HashMap<>();
        input.put("caseId", caseId);
        input.put("imposedOn", daysFromToday(1));
        input.put("termMonths", 12);
        input.put("regime", "EFFECTIVE_PRISON");
        input.put("startsOn", "2000-01-01");
        input.put("fineAmount", "-5");
        input.put("appealStatus", "PENDING");

        assertRefused(lawyer.documentName("legal-recordSentence").variable("input", input).execute(),
                "input.imposedOn", "input.termMonths", "input.startsOn", "input.fineAmount", "input.fineCurrency");
        casesOf(person).path("detainee.cases[0].sentences").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseAZeroTermUnlessTheSentenceIsFineOnlyAndAFineWithoutItsCurrency() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")));

        assertRefused(lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2021-01-01", "regime", "PROBATION")).execute(), "input.termYears");
        assertRefused(lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2021-01-01", "regime", "FINE_ONLY", "termDays", 20)).execute(),
                "input.regime", "input.fineAmount");
        assertRefused(lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2021-01-01", "regime", "FINE_ONLY", "fineAmount", "100.005", "fineCurrency", "clp"))
                .execute(), "input.fineAmount", "input.fineCurrency");
    }

    @Test
    void shouldRefuseASentenceImposedBeforeThePersonsFirstArrest() {
        String person = data().detainee(TestData.unique("Region"));
        data().detention(person, "2019-10-20", "PRETRIAL_DETENTION", null);
        String caseId = legal().openCase(person);

        assertRefused(lawyer.documentName("legal-recordSentence").variable("input", Map.of("caseId", caseId,
                "imposedOn", "2019-09-30", "termYears", 1, "regime", "EFFECTIVE_PRISON")).execute(),
                "input.imposedOn");
        casesOf(person).path("detainee.cases[0].sentences").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseADetentionControlBeforeTheFirstArrestAndAnOutcomeOfAHearingNotYetHeld() {
        String person = data().detainee(TestData.unique("Region"));
        data().detention(person, "2019-10-20", "POLICE_CUSTODY", null);
        String caseId = legal().openCase(person);

        assertRefused(lawyer.document(RECORD_HEARING).variable("input", Map.of("caseId", caseId,
                "heldOn", "2019-10-19", "kind", "DETENTION_CONTROL")).execute(), "input.heldOn");
        assertRefused(lawyer.document(RECORD_HEARING).variable("input", Map.of("caseId", caseId,
                "heldOn", daysFromToday(7), "kind", "TRIAL", "outcome", "Acquitted")).execute(), "input.outcome");
        assertRefused(lawyer.document(RECORD_HEARING).variable("input", Map.of("caseId", caseId,
                "heldOn", daysFromToday(365 * 3), "kind", "TRIAL")).execute(), "input.heldOn");
        casesOf(person).path("detainee.cases[0].hearings").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldUpdateOnlyTheGivenCaseFieldsAndClearThoseGivenAsNull() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")),
                Map.of("prosecutor", "Fiscalía Regional", "legalNotes", "Ask for the police video"));
        Map<String, Object> input = new HashMap<>(Map.of("id", caseId, "version", 1, "stage", "TRIAL",
                "rit", "O-77-2021"));
        input.put("legalNotes", null);

        var updated = lawyer.documentName("legal-updateCase").variable("input", input).execute();

        updated.path("updateCase.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateCase.stage").entity(String.class).isEqualTo("TRIAL");
        updated.path("updateCase.rit").entity(String.class).isEqualTo("O-77-2021");
        updated.path("updateCase.prosecutor").entity(String.class).isEqualTo("Fiscalía Regional");
        updated.path("updateCase.legalNotes").valueIsNull();
        lawyer.document("query($id: ID!) { case(id: $id) { stage legalNotes version } }").variable("id", caseId)
                .execute()
                .path("case.legalNotes").valueIsNull()
                .path("case.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldRefuseAStaleCaseUpdateWithConflict() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")));
        lawyer.documentName("legal-updateCase").variable("input", Map.of("id", caseId, "version", 1,
                "stage", "TRIAL")).execute().path("updateCase.version").entity(Integer.class).isEqualTo(2);

        lawyer.documentName("legal-updateCase").variable("input", Map.of("id", caseId, "version", 1,
                        "stage", "CLOSED")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        lawyer.document("query($id: ID!) { case(id: $id) { stage version } }").variable("id", caseId).execute()
                .path("case.stage").entity(String.class).isEqualTo("TRIAL")
                .path("case.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldRefuseToClearTheStageOfACase() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")));
        Map<String, Object> input = new HashMap<>(Map.of("id", caseId, "version", 1));
        input.put("stage", null);
        input.put("court", null);

        assertRefused(lawyer.documentName("legal-updateCase").variable("input", input).execute(),
                "input.stage", "input.court");
    }

    @Test
    void shouldRecordAChargeOutcomeAndRefuseAStaleOneWithConflict() {
        String caseId = legal().openCase(data().detainee(TestData.unique("Region")));
        String charge = legal().charge(caseId, "CL-LEY-12927-ART6");

        var recorded = lawyer.document(RECORD_CHARGE_OUTCOME).variable("input", Map.of("chargeId", charge,
                "version", 1, "outcome", "REQUALIFIED")).execute();
        recorded.path("recordChargeOutcome.outcome").entity(String.class).isEqualTo("REQUALIFIED");
        recorded.path("recordChargeOutcome.version").entity(Integer.class).isEqualTo(2);

        lawyer.document(RECORD_CHARGE_OUTCOME).variable("input", Map.of("chargeId", charge, "version", 1,
                        "outcome", "ACQUITTED")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
    }

    @Test
    void shouldRefuseAProvisionOfAnotherCountryOrOutsideTheCatalogue() {
        String person = data().detainee(TestData.unique("Region"));
        String caseId = legal().openCase(person);

        assertRefused(lawyer.document(ADD_CHARGE).variable("input", Map.of("caseId", caseId,
                "legalProvisionCode", "BY-CC-342")).execute(), "input.legalProvisionCode");
        assertRefused(lawyer.document(ADD_CHARGE).variable("input", Map.of("caseId", caseId,
                "legalProvisionCode", "CL-NO-SUCH-LAW")).execute(), "input.legalProvisionCode");
        casesOf(person).path("detainee.cases[0].charges").entityList(Object.class).hasSize(0);

        String belarusianCase = legal().openCase(person, Map.of("country", "BY", "court", "Minsk City Court"));
        lawyer.document(ADD_CHARGE).variable("input", Map.of("caseId", belarusianCase,
                        "legalProvisionCode", "BY-CC-342", "outcome", "CONVICTED")).execute()
                .path("addCharge.outcome").entity(String.class).isEqualTo("CONVICTED");
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCaseChargeOrDetainee() {
        List<GraphQlTester.Response> responses = List.of(
                lawyer.document("{ case(id: \"" + UNKNOWN_ID + "\") { id } }").execute(),
                lawyer.document(ADD_CHARGE).variable("input", Map.of("caseId", UNKNOWN_ID,
                        "legalProvisionCode", "CL-LEY-21208")).execute(),
                lawyer.document(RECORD_HEARING).variable("input", Map.of("caseId", UNKNOWN_ID,
                        "heldOn", "2020-01-01", "kind", "TRIAL")).execute(),
                lawyer.document(RECORD_CHARGE_OUTCOME).variable("input", Map.of("chargeId", UNKNOWN_ID,
                        "version", 1, "outcome", "DROPPED")).execute(),
                lawyer.documentName("legal-openCase").variable("input", Map.of("detaineeId", UNKNOWN_ID,
                        "court", "Juzgado de Garantía de Temuco")).execute());

        responses.forEach(response -> response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND))));
    }

    @Test
    void shouldFindTheChargedDetaineeByLegalProvisionCode() {
        String region = TestData.unique("Region");
        String charged = data().detainee(region);
        legal().charge(legal().openCase(charged), "CL-LEY-21208");
        String chargedOtherwise = data().detainee(region);
        legal().charge(legal().openCase(chargedOtherwise), "CL-CP-474");
        data().detainee(region);

        lawyer.documentName("detaineesPage").variable("filter", Map.of("region", region,
                        "legalProvisionCode", "CL-LEY-21208"))
                .execute().path("detainees.edges[*].node.id").entityList(String.class).containsExactly(charged);
    }

    @Test
    void shouldReadAPageOfDetaineesWithTheirCasesInTheSameFewStatementsHoweverManyRows() {
        String oneRegion = TestData.unique("Region");
        seedPersonWithCases(oneRegion);
        String manyRegion = TestData.unique("Region");
        for (int i = 0; i < 4; i++) {
            seedPersonWithCases(manyRegion);
        }

        int forOne = statementsDuring(() -> readPage(oneRegion, 1));
        int forMany = statementsDuring(() -> readPage(manyRegion, 4));

        // detainees, their data keys, cases, charges, provisions, hearings, sentences: one query each.
        assertThat(forMany).isEqualTo(forOne).isBetween(1, 7);
    }

    private void seedPersonWithCases(String region) {
        String person = data().detainee(region);
        for (int c = 0; c < 2; c++) {
            String caseId = legal().openCase(person);
            legal().charge(caseId, "CL-CP-269");
            legal().charge(caseId, "CL-LEY-21208");
            legal().hearing(caseId, "2020-01-15", "FORMALISATION");
            legal().hearing(caseId, daysFromToday(20), "TRIAL");
            legal().sentence(caseId, Map.of("imposedOn", "2021-01-01", "termYears", 1, "regime", "EFFECTIVE_PRISON",
                    "startsOn", "2020-06-01"));
        }
    }

    private void readPage(String region, int people) {
        var page = lawyer.documentName("legal-detaineesWithCases").variable("filter", Map.of("region", region))
                .execute();
        page.path("detainees.edges").entityList(Object.class).hasSize(people);
        page.path("detainees.edges[*].node.cases[*].charges[*].provision.code").entityList(String.class)
                .hasSize(people * 4);
        page.path("detainees.edges[*].node.cases[*].nextHearing.heldOn").entityList(String.class)
                .satisfies(days -> assertThat(days).hasSize(people * 2).containsOnly(daysFromToday(20)));
        page.path("detainees.edges[*].node.cases[*].sentences[*].expectedReleaseOn").entityList(String.class)
                .satisfies(days -> assertThat(days).hasSize(people * 2).containsOnly("2021-06-01"));
    }

    private int statementsDuring(Runnable request) {
        statements.reset();
        request.run();
        return statements.count();
    }
}
