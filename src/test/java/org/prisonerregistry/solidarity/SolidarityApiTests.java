package org.prisonerregistry.solidarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class SolidarityApiTests {

    private static final String RECORD_NEED = """
            mutation($input: RecordNeedInput!) {
              recordNeed(input: $input) { id category description status recordedOn version }
            }""";
    private static final String UPDATE_NEED = """
            mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { id description status version } }""";
    private static final String RECORD_SPONSORSHIP = """
            mutation($input: RecordSponsorshipInput!) {
              recordSponsorship(input: $input) { id sponsor { name } startsOn endsOn monthlyAmount currency active version }
            }""";
    private static final String END_SPONSORSHIP = """
            mutation($input: EndSponsorshipInput!) { endSponsorship(input: $input) { id endsOn active version } }""";
    private static final String RECORD_DISBURSEMENT = """
            mutation($input: RecordDisbursementInput!) {
              recordDisbursement(input: $input) { id paidBy { name } sponsorship { id } paidOn amount currency category }
            }""";
    private static final String SUPPORT_OF = """
            query($id: ID!) {
              detainee(id: $id) {
                supportStatus
                supportNeeds { id category description status recordedOn version }
                sponsorships { id sponsor { name } startsOn endsOn monthlyAmount currency active version }
                disbursements { id paidBy { name } sponsorship { id sponsor { name } } paidOn amount currency category }
                disbursementTotals { currency category amount }
              }
            }""";
    private static final String TOTALS_IN_REGION = """
            query($filter: DetaineeFilter) {
              detainees(filter: $filter) { edges { node { id disbursementTotals { currency category amount } } } }
            }""";
    private static final String IDS_IN = """
            query($filter: DetaineeFilter) { detainees(filter: $filter) { edges { node { id } } } }""";

    @Autowired
    Actors actors;

    /** Records support and reads it: the test caseload holds every detainee {@link TestData} makes. */
    HttpGraphQlTester coordinator;

    /** Reads support of the people assigned to them (every detainee {@link TestData} makes). */
    HttpGraphQlTester lawyer;

    @BeforeEach
    void signIn() {
        coordinator = actors.coordinator();
        lawyer = actors.lawyer();
    }

    private TestData data() {
        return new TestData(actors);
    }

    @Test
    void shouldRecordNeedsSponsorshipsAndDisbursementsAndReadThemUnderTheDetainee() {
        String foundation = data().organisation("Invented Diaspora Foundation");
        String families = data().organisation("Invented Families Group");
        String person = data().detainee(TestData.unique("Region"));

        var need = coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", person,
                "category", "LEGAL_DEFENCE", "description", "  A lawyer for the appeal  ")).execute();
        need.path("recordNeed.status").entity(String.class).isEqualTo("OPEN");
        need.path("recordNeed.description").entity(String.class).isEqualTo("A lawyer for the appeal");
        need.path("recordNeed.recordedOn").entity(String.class).isEqualTo(LocalDate.now().toString());
        need.path("recordNeed.version").entity(Integer.class).isEqualTo(1);

        var sponsorship = coordinator.document(RECORD_SPONSORSHIP).variable("input", Map.of("detaineeId", person,
                "sponsorId", foundation, "startsOn", "2020-01-01", "monthlyAmount", 150000, "currency", "CLP")).execute();
        sponsorship.path("recordSponsorship.active").entity(Boolean.class).isEqualTo(true);
        sponsorship.path("recordSponsorship.sponsor.name").entity(String.class).isEqualTo("Invented Diaspora Foundation");
        String sponsorshipId = sponsorship.path("recordSponsorship.id").entity(String.class).get();

        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", families,
                        "sponsorshipId", sponsorshipId, "paidOn", "2020-02-03", "amount", new BigDecimal("80000.5"),
                        "currency", "CLP", "category", "LAWYER_FEES")).execute()
                .path("recordDisbursement.sponsorship.id").entity(String.class).isEqualTo(sponsorshipId)
                .path("recordDisbursement.paidBy.name").entity(String.class).isEqualTo("Invented Families Group");
        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", families,
                        "paidOn", "2020-03-10", "amount", 12000, "currency", "CLP", "category", "BASIC_NEEDS")).execute()
                .path("recordDisbursement.sponsorship").valueIsNull();

        for (HttpGraphQlTester reader : List.of(coordinator, lawyer)) {
            assertSupportRecorded(reader.document(SUPPORT_OF).variable("id", person).execute());
        }
    }

    private static void assertSupportRecorded(GraphQlTester.Response read) {
        read.path("detainee.supportNeeds[*].category").entityList(String.class).containsExactly("LEGAL_DEFENCE");
        read.path("detainee.supportNeeds[0].description").entity(String.class).isEqualTo("A lawyer for the appeal");
        read.path("detainee.sponsorships[0].sponsor.name").entity(String.class).isEqualTo("Invented Diaspora Foundation");
        read.path("detainee.sponsorships[0].monthlyAmount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("150000"));
        read.path("detainee.sponsorships[0].endsOn").valueIsNull();
        read.path("detainee.sponsorships[0].active").entity(Boolean.class).isEqualTo(true);
        read.path("detainee.disbursements[*].paidOn").entityList(String.class).containsExactly("2020-03-10", "2020-02-03");
        read.path("detainee.disbursements[0].sponsorship").valueIsNull();
        read.path("detainee.disbursements[1].paidBy.name").entity(String.class).isEqualTo("Invented Families Group");
        read.path("detainee.disbursements[1].sponsorship.sponsor.name").entity(String.class)
                .isEqualTo("Invented Diaspora Foundation");
        read.path("detainee.disbursements[1].amount").entity(BigDecimal.class)
                .satisfies(amount -> assertThat(amount).isEqualByComparingTo("80000.50"));
        read.path("detainee.disbursements[1].category").entity(String.class).isEqualTo("LAWYER_FEES");
    }

    @Test
    void shouldSumDisbursementsPerCurrencyAndCategoryForEachDetaineeOfAPage() {
        String org = data().organisation("Invented Solidarity Fund");
        String region = TestData.unique("Region");
        String first = data().detainee(region);
        String second = data().detainee(region);
        disburse(first, org, "2020-01-10", "100000", "CLP", "LAWYER_FEES");
        disburse(first, org, "2020-02-10", "50000.50", "CLP", "LAWYER_FEES");
        disburse(first, org, "2020-02-11", "200", "EUR", "LAWYER_FEES");
        disburse(first, org, "2020-02-12", "30000", "CLP", "BASIC_NEEDS");
        disburse(second, org, "2020-03-01", "75.25", "EUR", "FINES_AND_BONDS");

        var page = coordinator.document(TOTALS_IN_REGION).variable("filter", Map.of("region", region)).execute();

        Map<String, List<String>> totals = new HashMap<>();
        for (String id : List.of(first, second)) {
            totals.put(id, totalsOf(page, id));
        }
        assertThat(totals.get(first)).containsExactly("CLP BASIC_NEEDS 30000", "CLP LAWYER_FEES 150000.5",
                "EUR LAWYER_FEES 200");
        assertThat(totals.get(second)).containsExactly("EUR FINES_AND_BONDS 75.25");
    }

    @Test
    void shouldDeriveSupportStatusFromOpenNeedsAndActiveSponsorships() {
        String org = data().organisation("Invented Prisoner Sponsors");
        String region = TestData.unique("Region");
        String person = data().detainee(region);
        assertThat(statusOf(person)).isEqualTo("NO_OPEN_NEEDS");

        String need = coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", person,
                "category", "BASIC_NEEDS")).execute().path("recordNeed.id").entity(String.class).get();
        assertThat(statusOf(person)).isEqualTo("NEEDS_SUPPORT");
        assertThat(idsWith(region, "NEEDS_SUPPORT")).containsExactly(person);
        assertThat(idsWith(region, "SPONSORED")).isEmpty();

        String sponsorship = coordinator.document(RECORD_SPONSORSHIP).variable("input", Map.of("detaineeId", person,
                        "sponsorId", org, "startsOn", "2021-05-01", "monthlyAmount", 90, "currency", "EUR")).execute()
                .path("recordSponsorship.id").entity(String.class).get();
        assertThat(statusOf(person)).isEqualTo("SPONSORED");
        assertThat(idsWith(region, "SPONSORED")).containsExactly(person);
        assertThat(idsWith(region, "NEEDS_SUPPORT")).isEmpty();

        coordinator.document(END_SPONSORSHIP).variable("input", Map.of("id", sponsorship, "version", 1,
                        "endsOn", LocalDate.now().minusDays(1).toString())).execute()
                .path("endSponsorship.active").entity(Boolean.class).isEqualTo(false)
                .path("endSponsorship.version").entity(Integer.class).isEqualTo(2);
        assertThat(statusOf(person)).isEqualTo("NEEDS_SUPPORT");

        coordinator.document(UPDATE_NEED).variable("input", Map.of("id", need, "version", 1, "status", "MET")).execute()
                .path("updateNeed.status").entity(String.class).isEqualTo("MET");
        assertThat(statusOf(person)).isEqualTo("NO_OPEN_NEEDS");
        assertThat(idsWith(region, "NO_OPEN_NEEDS")).containsExactly(person);
    }

    @Test
    void shouldRejectAnInvalidNeedNamingTheFieldsWithoutEchoingTheDescriptionAndWriteNothing() {
        String person = data().detainee(TestData.unique("Region"));
        String description = "Insulin for diabetes " + "x".repeat(SolidarityService.MAX_DESCRIPTION);

        coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", person, "category", "HEALTH",
                        "description", description, "recordedOn", LocalDate.now().plusDays(1).toString())).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).allSatisfy(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(e.getMessage()).doesNotContain("Insulin");
                    });
                    assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                            .containsExactlyInAnyOrder("input.description", "input.recordedOn");
                });

        coordinator.document(SUPPORT_OF).variable("id", person).execute()
                .path("detainee.supportNeeds").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRejectAnInvalidSponsorshipNamingEveryFieldAndWriteNothing() {
        String person = data().detainee(TestData.unique("Region"));

        coordinator.document(RECORD_SPONSORSHIP).variable("input", Map.of("detaineeId", person,
                        "sponsorId", "00000000-0000-4000-8000-000000000000", "startsOn", "2021-01-01",
                        "endsOn", "2020-12-31", "monthlyAmount", -5, "currency", "eur")).execute()
                .errors().satisfy(errors -> assertThat(errors)
                        .allSatisfy(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST))
                        .extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.sponsorId", "input.endsOn", "input.monthlyAmount",
                                "input.currency"));

        coordinator.document(SUPPORT_OF).variable("id", person).execute()
                .path("detainee.sponsorships").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRejectAnInvalidDisbursementNamingEveryFieldAndWriteNothing() {
        String org = data().organisation("Invented Bail Fund");
        String person = data().detainee(TestData.unique("Region"));

        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", org,
                        "paidOn", LocalDate.now().plusDays(3).toString(), "amount", new BigDecimal("1234.567"),
                        "currency", "XYZ", "category", "FINES_AND_BONDS")).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).allSatisfy(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(e.getMessage()).doesNotContain("1234.567").doesNotContain("XYZ");
                    });
                    assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                            .containsExactlyInAnyOrder("input.paidOn", "input.amount", "input.currency");
                });
        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", org,
                        "paidOn", "2020-01-01", "amount", 0, "currency", "CLP", "category", "OTHER")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.amount")));

        var after = coordinator.document(SUPPORT_OF).variable("id", person).execute();
        after.path("detainee.disbursements").entityList(Object.class).hasSize(0);
        after.path("detainee.disbursementTotals").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseADisbursementUnderAnotherDetaineesSponsorship() {
        String org = data().organisation("Invented Sponsor Network");
        String region = TestData.unique("Region");
        String sponsored = data().detainee(region);
        String other = data().detainee(region);
        String sponsorship = sponsorship(sponsored, org, "2020-01-01", null);

        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", other, "paidById", org,
                        "sponsorshipId", sponsorship, "paidOn", "2020-06-01", "amount", 5000, "currency", "CLP",
                        "category", "BASIC_NEEDS")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "input.sponsorshipId");
                }));

        coordinator.document(SUPPORT_OF).variable("id", other).execute()
                .path("detainee.disbursements").entityList(Object.class).hasSize(0);
        coordinator.document(SUPPORT_OF).variable("id", sponsored).execute()
                .path("detainee.disbursements").entityList(Object.class).hasSize(0);
    }

    @Test
    void shouldRefuseADisbursementPaidOutsideTheSponsorshipPeriod() {
        String org = data().organisation("Invented Monthly Sponsors");
        String person = data().detainee(TestData.unique("Region"));
        String sponsorship = sponsorship(person, org, "2020-01-01", "2020-06-30");

        for (String paidOn : List.of("2019-12-31", "2020-07-01")) {
            coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", org,
                            "sponsorshipId", sponsorship, "paidOn", paidOn, "amount", 5000, "currency", "CLP",
                            "category", "BASIC_NEEDS")).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.paidOn")));
        }
        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", org,
                        "sponsorshipId", sponsorship, "paidOn", "2020-06-30", "amount", 5000, "currency", "CLP",
                        "category", "BASIC_NEEDS")).execute()
                .path("recordDisbursement.sponsorship.id").entity(String.class).isEqualTo(sponsorship);
    }

    @Test
    void shouldRefuseToEndASponsorshipBeforeAPaymentMadeUnderIt() {
        String org = data().organisation("Invented Long-Term Sponsors");
        String person = data().detainee(TestData.unique("Region"));
        String sponsorship = sponsorship(person, org, "2020-01-01", null);
        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", person, "paidById", org,
                        "sponsorshipId", sponsorship, "paidOn", "2020-05-15", "amount", 5000, "currency", "CLP",
                        "category", "LAWYER_FEES")).execute()
                .path("recordDisbursement.id").hasValue();

        coordinator.document(END_SPONSORSHIP).variable("input", Map.of("id", sponsorship, "version", 1,
                        "endsOn", "2020-05-14")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.endsOn")));

        var after = coordinator.document(SUPPORT_OF).variable("id", person).execute();
        after.path("detainee.sponsorships[0].endsOn").valueIsNull();
        after.path("detainee.sponsorships[0].version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsOfANeedAndClearADescriptionGivenAsNull() {
        String person = data().detainee(TestData.unique("Region"));
        String need = coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", person,
                        "category", "FAMILY", "description", "Bus fares for visits")).execute()
                .path("recordNeed.id").entity(String.class).get();

        coordinator.document(UPDATE_NEED).variable("input", Map.of("id", need, "version", 1, "status", "CLOSED")).execute()
                .path("updateNeed.status").entity(String.class).isEqualTo("CLOSED")
                .path("updateNeed.description").entity(String.class).isEqualTo("Bus fares for visits")
                .path("updateNeed.version").entity(Integer.class).isEqualTo(2);

        Map<String, Object> clear = new HashMap<>(Map.of("id", need, "version", 2));
        clear.put("description", null);
        coordinator.document(UPDATE_NEED).variable("input", clear).execute()
                .path("updateNeed.description").valueIsNull()
                .path("updateNeed.status").entity(String.class).isEqualTo("CLOSED")
                .path("updateNeed.version").entity(Integer.class).isEqualTo(3);

        Map<String, Object> clearStatus = new HashMap<>(Map.of("id", need, "version", 3));
        clearStatus.put("status", null);
        coordinator.document(UPDATE_NEED).variable("input", clearStatus).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.status")));
        coordinator.document(UPDATE_NEED).variable("input", Map.of("id", need, "version", 3)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input")));
    }

    @Test
    void shouldRefuseAStaleNeedUpdateWithConflictInsteadOfOverwriting() {
        String person = data().detainee(TestData.unique("Region"));
        String need = coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", person,
                        "category", "LEGAL_DEFENCE", "description", "first")).execute()
                .path("recordNeed.id").entity(String.class).get();
        coordinator.document(UPDATE_NEED).variable("input", Map.of("id", need, "version", 1, "description", "second"))
                .execute().path("updateNeed.version").entity(Integer.class).isEqualTo(2);

        coordinator.document(UPDATE_NEED).variable("input", Map.of("id", need, "version", 1, "description", "third"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        coordinator.document(SUPPORT_OF).variable("id", person).execute()
                .path("detainee.supportNeeds[0].description").entity(String.class).isEqualTo("second")
                .path("detainee.supportNeeds[0].version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldAnswerNotFoundForSupportOfAnUnknownDetainee() {
        String org = data().organisation("Invented Careful Sponsors");
        String unknown = "00000000-0000-4000-8000-000000000000";

        assertNotFound(coordinator.document(RECORD_NEED).variable("input", Map.of("detaineeId", unknown,
                "category", "HEALTH")).execute());
        assertNotFound(coordinator.document(RECORD_SPONSORSHIP).variable("input", Map.of("detaineeId", unknown,
                "sponsorId", org, "startsOn", "2020-01-01", "monthlyAmount", 100, "currency", "EUR")).execute());
        assertNotFound(coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", unknown,
                "paidById", org, "paidOn", "2020-01-01", "amount", 100, "currency", "EUR",
                "category", "OTHER")).execute());
        assertNotFound(coordinator.document(UPDATE_NEED).variable("input", Map.of("id", unknown, "version", 1,
                "status", "MET")).execute());
    }

    private static void assertNotFound(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    private String sponsorship(String detaineeId, String sponsorId, String startsOn, String endsOn) {
        Map<String, Object> input = new HashMap<>(Map.of("detaineeId", detaineeId, "sponsorId", sponsorId,
                "startsOn", startsOn, "monthlyAmount", 100000, "currency", "CLP"));
        if (endsOn != null) {
            input.put("endsOn", endsOn);
        }
        return coordinator.document(RECORD_SPONSORSHIP).variable("input", input).execute()
                .path("recordSponsorship.id").entity(String.class).get();
    }

    private void disburse(String detaineeId, String paidById, String paidOn, String amount, String currency,
                          String category) {
        coordinator.document(RECORD_DISBURSEMENT).variable("input", Map.of("detaineeId", detaineeId, "paidById", paidById,
                        "paidOn", paidOn, "amount", new BigDecimal(amount), "currency", currency, "category", category))
                .execute().path("recordDisbursement.id").hasValue();
    }

    /** The totals of one detainee of a page, as "CURRENCY CATEGORY amount" with the amount in plain form. */
    private static List<String> totalsOf(GraphQlTester.Response page, String detaineeId) {
        return page.path("detainees.edges[*].node").entityList(TotalsOfDetainee.class).get().stream()
                .filter(node -> node.id().equals(detaineeId))
                .flatMap(node -> node.disbursementTotals().stream())
                .map(t -> t.currency() + " " + t.category() + " " + t.amount().stripTrailingZeros().toPlainString())
                .toList();
    }

    record TotalsOfDetainee(String id, List<Total> disbursementTotals) {}

    record Total(String currency, String category, BigDecimal amount) {}

    private String statusOf(String detaineeId) {
        return coordinator.document(SUPPORT_OF).variable("id", detaineeId).execute()
                .path("detainee.supportStatus").entity(String.class).get();
    }

    private List<String> idsWith(String region, String supportStatus) {
        return coordinator.document(IDS_IN).variable("filter", Map.of("region", region, "supportStatus", supportStatus))
                .execute().path("detainees.edges[*].node.id").entityList(String.class).get();
    }
}
