package org.prisonerregistry.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;

/**
 * {@code publicStats} read without a token over HTTP, after people were recorded through the API by
 * the test coordinator, who registers and detains people. Each test records its people in a country
 * code of its own from the QA–QZ range, which ISO 3166 leaves to private use, so other tests' people
 * in the shared database cannot change its counts.
 */
@RegistryIntegrationTest
class PublicStatsTests {

    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger();
    private static final String PUBLIC_STATS =
            "{ publicStats { threshold asOf peopleByCountryAndRegime { country regime count withheld } } }";

    @LocalServerPort
    int port;

    @Autowired
    Actors actors;

    @Autowired
    SqlStatementCounter statements;

    HttpGraphQlTester coordinator;
    RawHttp http;
    String country;

    @BeforeEach
    void setUp() {
        coordinator = actors.coordinator();
        http = new RawHttp(port);
        country = "Q" + (char) ('A' + NEXT_COUNTRY.getAndIncrement());
        assertThat(cellsOf(publicStats(), country)).as("country %s is unused", country).isEmpty();
    }

    @Test
    void shouldPublishCountsAtOrAboveTheThresholdToACallerWithoutAToken() {
        people(5, () -> held("PRETRIAL_DETENTION"));
        people(6, () -> released(false));
        recordPerson(); // never detained: has no regime, so it is in no cell

        JsonNode stats = publicStats();

        assertThat(stats.path("threshold").intValue()).isEqualTo(5);
        assertThat(OffsetDateTime.parse(stats.path("asOf").stringValue())).isBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(cellsOf(stats, country)).containsExactly(
                shown("PRETRIAL_DETENTION", 5),
                shown("RELEASED", 6));
    }

    @Test
    void shouldWithholdACountBelowTheThresholdAndTheSmallestOtherCountOfItsCountry() {
        people(2, () -> held("PRETRIAL_DETENTION"));
        people(5, () -> held("HOUSE_ARREST_TOTAL"));
        people(7, () -> released(true));

        assertThat(cellsOf(publicStats(), country)).containsExactly(
                withheld("PRETRIAL_DETENTION"),
                withheld("HOUSE_ARREST_TOTAL"),
                shown("RELEASED_AWAITING_TRIAL", 7));
    }

    @Test
    void shouldAddNoComplementWhenTwoCountsOfACountryAreWithheldAlready() {
        people(1, () -> held("POLICE_CUSTODY"));
        people(4, () -> held("SERVING_SENTENCE"));
        people(5, () -> released(false));

        assertThat(cellsOf(publicStats(), country)).containsExactly(
                withheld("POLICE_CUSTODY"),
                withheld("SERVING_SENTENCE"),
                shown("RELEASED", 5));
    }

    @Test
    void shouldCountEachPersonOnceInTheRegimeOfTheirMostRecentDetention() {
        people(5, () -> {
            String person = recordPerson();
            String first = detention(person, "2019-10-20", "PRETRIAL_DETENTION");
            release(first, "2019-12-01", false);
            detention(person, "2020-02-01", "HOUSE_ARREST_NIGHT");
        });

        assertThat(cellsOf(publicStats(), country)).containsExactly(shown("HOUSE_ARREST_NIGHT", 5));
    }

    @Test
    void shouldCountEverythingInOneSqlStatement() {
        held("PRETRIAL_DETENTION");
        released(false);
        statements.reset();

        publicStats();

        assertThat(statements.count()).isEqualTo(1);
    }

    /** What an anonymous client gets: HTTP 200 and data without errors. */
    private JsonNode publicStats() {
        HttpResponse<String> response = http.query(PUBLIC_STATS, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RawHttp.json(response);
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body.path("data").path("publicStats");
    }

    private static List<Map<String, Object>> cellsOf(JsonNode stats, String country) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (JsonNode cell : stats.path("peopleByCountryAndRegime")) {
            if (cell.path("country").stringValue().equals(country)) {
                JsonNode count = cell.path("count");
                cells.add(Map.of("regime", cell.path("regime").stringValue(),
                        "count", count.isNull() ? "null" : count.intValue(),
                        "withheld", cell.path("withheld").booleanValue()));
            }
        }
        return cells;
    }

    private static Map<String, Object> shown(String regime, int count) {
        return Map.of("regime", regime, "count", count, "withheld", false);
    }

    private static Map<String, Object> withheld(String regime) {
        return Map.of("regime", regime, "count", "null", "withheld", true);
    }

    private static void people(int howMany, Runnable recordOne) {
        for (int i = 0; i < howMany; i++) {
            recordOne.run();
        }
    }

    private void held(String regime) {
        detention(recordPerson(), "2020-01-10", regime);
    }

    private void released(boolean awaitingTrial) {
        release(detention(recordPerson(), "2020-01-10", "PRETRIAL_DETENTION"), "2020-03-01", awaitingTrial);
    }

    private String recordPerson() {
        return coordinator.documentName("createDetainee")
                .variable("input", Map.of("country", country, "fullName", TestData.unique("Invented Person"),
                        "gender", "UNDISCLOSED", "affiliation", "WORKER"))
                .execute().path("createDetainee.id").entity(String.class).get();
    }

    private String detention(String detaineeId, String arrestedOn, String regime) {
        return new TestData(actors).detention(detaineeId, arrestedOn, regime, null);
    }

    private void release(String detentionId, String releasedOn, boolean awaitingTrial) {
        coordinator.document("""
                        mutation($input: RecordReleaseInput!) { recordRelease(input: $input) { currentRegime } }""")
                .variable("input", Map.of("detentionId", detentionId, "version", 1, "releasedOn", releasedOn,
                        "awaitingTrial", awaitingTrial))
                .execute().path("recordRelease.currentRegime").entity(String.class)
                .isEqualTo(awaitingTrial ? "RELEASED_AWAITING_TRIAL" : "RELEASED");
    }
}
