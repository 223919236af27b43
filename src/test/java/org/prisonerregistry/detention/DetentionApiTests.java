package org.prisonerregistry.detention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class DetentionApiTests {

    private static final String TRANSFER = """
            mutation($input: TransferDetaineeInput!) { transferDetainee(input: $input) { version currentFacility { name } } }""";
    private static final String RELEASE = """
            mutation($input: RecordReleaseInput!) { recordRelease(input: $input) { version releasedOn currentRegime } }""";
    private static final String CHANGE_REGIME = """
            mutation($input: ChangeRegimeInput!) { changeRegime(input: $input) { version currentRegime } }""";

    @Autowired
    Actors actors;

    @Test
    void shouldFollowAPersonFromArrestThroughTransferToReleaseAwaitingTrial() {
        TestData data = new TestData(actors);
        HttpGraphQlTester coordinator = actors.coordinator();
        String region = TestData.unique("Region");
        String santiago = data.facility("CL", region);
        String valparaiso = data.facility("CL", region);
        String person = data.detainee(region);
        String detention = data.detention(person, "2019-10-20", "PRETRIAL_DETENTION", santiago);

        coordinator.document(TRANSFER).variable("input", Map.of("detentionId", detention, "version", 1,
                "facilityId", valparaiso, "transferredOn", "2019-12-01")).execute()
                .path("transferDetainee.version").entity(Integer.class).isEqualTo(2);
        coordinator.document(RELEASE).variable("input", Map.of("detentionId", detention, "version", 2,
                "releasedOn", "2020-03-20", "awaitingTrial", true)).execute()
                .path("recordRelease.currentRegime").entity(String.class).isEqualTo("RELEASED_AWAITING_TRIAL");

        var person1 = coordinator.documentName("detaineeWithDetentions").variable("id", person).execute();
        person1.path("detainee.currentRegime").entity(String.class).isEqualTo("RELEASED_AWAITING_TRIAL");
        person1.path("detainee.currentFacility").valueIsNull();
        int expectedDays = (int) ChronoUnit.DAYS.between(LocalDate.of(2019, 10, 20), LocalDate.of(2020, 3, 20));
        person1.path("detainee.daysInPretrialDetention").entity(Integer.class).isEqualTo(expectedDays);
        person1.path("detainee.detentions[0].custodyPeriods").entityList(Object.class).hasSize(3);
        person1.path("detainee.detentions[0].custodyPeriods[1].endsOn").entity(String.class).isEqualTo("2020-03-20");
        person1.path("detainee.detentions[0].releasedOn").entity(String.class).isEqualTo("2020-03-20");
    }

    @Test
    void shouldRefuseAReleaseBeforeTheArrestAndLeaveTheDetentionUntouched() {
        TestData data = new TestData(actors);
        HttpGraphQlTester coordinator = actors.coordinator();
        String person = data.detainee(TestData.unique("Region"));
        String detention = data.detention(person, "2019-11-05", "PRETRIAL_DETENTION", null);

        coordinator.document(RELEASE).variable("input", Map.of("detentionId", detention, "version", 1,
                "releasedOn", "2019-11-01", "awaitingTrial", false)).execute()
                .errors().satisfy(errors -> assertThat(errors).allSatisfy(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "input.releasedOn");
                }));

        var after = coordinator.documentName("detaineeWithDetentions").variable("id", person).execute();
        after.path("detainee.detentions[0].version").entity(Integer.class).isEqualTo(1);
        after.path("detainee.detentions[0].releasedOn").valueIsNull();
        after.path("detainee.currentRegime").entity(String.class).isEqualTo("PRETRIAL_DETENTION");
    }

    @Test
    void shouldRefuseAStaleRegimeChange() {
        TestData data = new TestData(actors);
        HttpGraphQlTester coordinator = actors.coordinator();
        String person = data.detainee(TestData.unique("Region"));
        String detention = data.detention(person, "2020-01-10", "PRETRIAL_DETENTION", null);
        coordinator.document(CHANGE_REGIME).variable("input", Map.of("detentionId", detention, "version", 1,
                "regime", "HOUSE_ARREST_NIGHT", "startsOn", "2020-02-01")).execute()
                .path("changeRegime.currentRegime").entity(String.class).isEqualTo("HOUSE_ARREST_NIGHT");

        coordinator.document(CHANGE_REGIME).variable("input", Map.of("detentionId", detention, "version", 1,
                "regime", "HOUSE_ARREST_TOTAL", "startsOn", "2020-02-02")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
    }

    @Test
    void shouldFilterDetaineesByCurrentRegimeAndFacility() {
        TestData data = new TestData(actors);
        HttpGraphQlTester coordinator = actors.coordinator();
        String region = TestData.unique("Region");
        String prison = data.facility("CL", region);
        String held = data.detainee(region);
        data.detention(held, "2019-10-25", "PRETRIAL_DETENTION", prison);
        String atHome = data.detainee(region);
        data.detention(atHome, "2019-10-25", "HOUSE_ARREST_TOTAL", null);
        data.detainee(region);

        coordinator.documentName("detaineesPage").variable("filter", Map.of("region", region, "regime", "PRETRIAL_DETENTION"))
                .execute().path("detainees.edges[*].node.id").entityList(String.class).containsExactly(held);
        coordinator.documentName("detaineesPage").variable("filter", Map.of("facilityId", prison))
                .execute().path("detainees.edges[*].node.id").entityList(String.class).containsExactly(held);
        coordinator.documentName("detaineesPage").variable("filter", Map.of("region", region, "arrestedFrom", "2019-10-01",
                        "arrestedTo", "2019-10-31"))
                .execute().path("detainees.totalCount").entity(Integer.class).isEqualTo(2);
    }
}
