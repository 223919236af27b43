package org.prisonerregistry.defender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.SqlStatementCounter;
import org.prisonerregistry.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@RegistryIntegrationTest
class DefenderApiTests {

    private static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

    @Autowired
    Actors actors;

    /** Defenders and threats are the protection officers' records; the tester states a purpose (SPECIAL data). */
    HttpGraphQlTester officer;

    @BeforeEach
    void signIn() {
        officer = actors.protectionOfficer();
    }

    @Autowired
    SqlStatementCounter statements;

    private DefenderTestData data() {
        return new DefenderTestData(actors);
    }

    private DefendersPage page(Map<String, Object> filter, Integer first, String after) {
        var request = officer.documentName("defendersPage").variable("filter", filter);
        if (first != null) {
            request = request.variable("first", first);
        }
        if (after != null) {
            request = request.variable("after", after);
        }
        return new DefendersPage(request.execute());
    }

    /** One answer of the {@code defenders} query, with shortcuts to what most tests compare. */
    private record DefendersPage(GraphQlTester.Response response) {
        List<String> ids() {
            return response.path("defenders.edges[*].node.id").entityList(String.class).get();
        }

        int totalCount() {
            return response.path("defenders.totalCount").entity(Integer.class).get();
        }
    }

    @Test
    void shouldCreateADefenderRecordThreatsAndReadThemBackNewestFirst() {
        String org = data().organisation();
        String subject = TestData.unique("oidc|lawyer");
        Map<String, Object> input = DefenderTestData.newDefender(org, "HIGH");
        input.put("fullName", " Invented Lawyer Rojas ");
        input.put("loginSubject", subject);
        input.put("contact", "Signal: +56 9 0000 0000");
        input.put("protectiveMeasures", "Precautionary measures requested from the IACHR");

        var created = officer.documentName("createDefender").variable("input", input).execute();
        created.path("createDefender.fullName").entity(String.class).isEqualTo("Invented Lawyer Rojas");
        created.path("createDefender.organisation.id").entity(String.class).isEqualTo(org);
        created.path("createDefender.threats").entityList(Object.class).hasSize(0);
        created.path("createDefender.lastThreatOn").valueIsNull();
        created.path("createDefender.version").entity(Integer.class).isEqualTo(1);
        String id = created.path("createDefender.id").entity(String.class).get();

        officer.documentName("recordThreat").variable("input", Map.of("defenderId", id, "occurredOn", "2019-11-02",
                        "kind", "DEATH_THREAT", "channel", "PHONE", "description", "Anonymous call to the office",
                        "reportedToAuthorities", true, "source", "The defender's own account"))
                .execute().path("recordThreat.version").entity(Integer.class).isEqualTo(1);
        data().threat(id, "2020-01-15", "SMEAR_CAMPAIGN", "PRESS");
        data().threat(id, "2019-12-01", "SURVEILLANCE", "IN_PERSON");

        var read = officer.documentName("defenderWithThreats").variable("id", id).execute();
        read.path("defender.threats[*].occurredOn").entityList(String.class)
                .containsExactly("2020-01-15", "2019-12-01", "2019-11-02");
        read.path("defender.lastThreatOn").entity(String.class).isEqualTo("2020-01-15");
        read.path("defender.organisation.id").entity(String.class).isEqualTo(org);
        read.path("defender.loginSubject").entity(String.class).isEqualTo(subject);
        read.path("defender.contact").entity(String.class).isEqualTo("Signal: +56 9 0000 0000");
        read.path("defender.riskLevel").entity(String.class).isEqualTo("HIGH");
        read.path("defender.threats[2].kind").entity(String.class).isEqualTo("DEATH_THREAT");
        read.path("defender.threats[2].description").entity(String.class).isEqualTo("Anonymous call to the office");
        read.path("defender.threats[2].reportedToAuthorities").entity(Boolean.class).isEqualTo(true);
        read.path("defender.threats[0].reportedToAuthorities").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void shouldPageThroughTheDefendersOfAnOrganisationWithOpaqueCursors() {
        String org = data().organisation();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(data().defender(org, "MEDIUM"));
        }
        Map<String, Object> filter = Map.of("organisationId", org);

        var first = page(filter, 2, null);
        assertThat(first.totalCount()).isEqualTo(3);
        first.response().path("defenders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        first.response().path("defenders.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String cursor = first.response().path("defenders.pageInfo.endCursor").entity(String.class).get();
        assertThat(cursor).doesNotContain(first.ids().getLast());

        var second = page(filter, 2, cursor);
        second.response().path("defenders.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.response().path("defenders.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        List<String> all = new ArrayList<>(first.ids());
        all.addAll(second.ids());
        assertThat(all).containsExactlyElementsOf(created);
    }

    @Test
    void shouldFilterDefendersByRiskLevelAndRecentThreats() {
        String org = data().organisation();
        String recentlyThreatened = data().defender(org, "HIGH");
        data().threat(recentlyThreatened, "2020-02-01", "HARASSMENT", "SOCIAL_MEDIA");
        String threatenedLongAgo = data().defender(org, "HIGH");
        data().threat(threatenedLongAgo, "2019-10-20", "DEATH_THREAT", "LETTER");
        String neverThreatened = data().defender(org, "LOW");

        assertThat(page(Map.of("organisationId", org, "riskLevel", "HIGH"), null, null).ids())
                .containsExactly(recentlyThreatened, threatenedLongAgo);
        assertThat(page(Map.of("organisationId", org, "threatenedSince", "2020-02-01"), null, null).ids())
                .containsExactly(recentlyThreatened);
        assertThat(page(Map.of("organisationId", org, "riskLevel", "LOW"), null, null).ids())
                .containsExactly(neverThreatened);
        var threatened = page(Map.of("organisationId", org, "threatenedSince", "2019-01-01"), null, null);
        assertThat(threatened.totalCount()).isEqualTo(2);
        threatened.response().path("defenders.edges[0].node.lastThreatOn").entity(String.class).isEqualTo("2020-02-01");
    }

    @Test
    void shouldRefuseASecondDefenderWithTheSameLoginSubjectNamingTheFieldButNotTheSubject() {
        String org = data().organisation();
        String subject = TestData.unique("oidc|shared");
        Map<String, Object> first = DefenderTestData.newDefender(org, "LOW");
        first.put("loginSubject", subject);
        officer.documentName("createDefender").variable("input", first).execute()
                .path("createDefender.loginSubject").entity(String.class).isEqualTo(subject);

        Map<String, Object> second = DefenderTestData.newDefender(org, "LOW");
        second.put("loginSubject", subject);
        officer.documentName("createDefender").variable("input", second).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "input.loginSubject");
                    assertThat(e.getMessage()).doesNotContain(subject).doesNotContain((String) second.get("fullName"));
                }));
        assertThat(page(Map.of("organisationId", org), null, null).totalCount()).isEqualTo(1);

        String other = data().defender(org, "LOW");
        officer.documentName("updateDefender").variable("input", Map.of("id", other, "version", 1,
                        "loginSubject", subject)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "input.loginSubject")));
    }

    @Test
    void shouldRefuseAThreatInTheFutureAndWriteNothing() {
        String defender = data().defender(data().organisation(), "MEDIUM");
        String tomorrow = LocalDate.now().plusDays(1).toString();

        officer.documentName("recordThreat").variable("input", Map.of("defenderId", defender, "occurredOn", tomorrow,
                        "kind", "HARASSMENT", "channel", "EMAIL", "description", "Invented account of an e-mail"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(e.getExtensions()).containsEntry("field", "input.occurredOn");
                    assertThat(e.getMessage()).doesNotContain("Invented account").doesNotContain(tomorrow);
                }));

        var read = officer.documentName("defenderWithThreats").variable("id", defender).execute();
        read.path("defender.threats").entityList(Object.class).hasSize(0);
        read.path("defender.lastThreatOn").valueIsNull();
    }

    @Test
    void shouldUpdateOnlyTheGivenFieldsAndClearThoseGivenAsNull() {
        String org = data().organisation();
        String otherOrg = data().organisation();
        Map<String, Object> input = DefenderTestData.newDefender(org, "MEDIUM");
        input.put("contact", "Invented telephone");
        input.put("loginSubject", TestData.unique("oidc|update"));
        var created = officer.documentName("createDefender").variable("input", input).execute();
        String id = created.path("createDefender.id").entity(String.class).get();

        Map<String, Object> change = new HashMap<>();
        change.put("id", id);
        change.put("version", 1);
        change.put("riskLevel", "CRITICAL");
        change.put("protectiveMeasures", "Police escort ordered by the court");
        change.put("contact", null);
        change.put("organisationId", otherOrg);
        var updated = officer.documentName("updateDefender").variable("input", change).execute();

        updated.path("updateDefender.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateDefender.riskLevel").entity(String.class).isEqualTo("CRITICAL");
        updated.path("updateDefender.contact").valueIsNull();
        updated.path("updateDefender.organisation.id").entity(String.class).isEqualTo(otherOrg);
        updated.path("updateDefender.fullName").entity(String.class).isEqualTo((String) input.get("fullName"));
        updated.path("updateDefender.loginSubject").entity(String.class).isEqualTo((String) input.get("loginSubject"));

        var read = officer.documentName("defenderWithThreats").variable("id", id).execute();
        read.path("defender.protectiveMeasures").entity(String.class).isEqualTo("Police escort ordered by the court");
        read.path("defender.contact").valueIsNull();
        read.path("defender.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldReportEveryInvalidFieldOfAnUpdateAtOnceWithoutQuotingValues() {
        String id = data().defender(data().organisation(), "HIGH");
        String longName = "Invented " + "x".repeat(300);
        Map<String, Object> change = new HashMap<>();
        change.put("id", id);
        change.put("version", 1);
        change.put("riskLevel", null);
        change.put("fullName", longName);
        change.put("organisationId", UNKNOWN_ID);

        officer.documentName("updateDefender").variable("input", change).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                            .containsExactlyInAnyOrder("input.riskLevel", "input.fullName", "input.organisationId");
                    assertThat(errors).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("Invented"));
                });
        officer.documentName("defenderWithThreats").variable("id", id).execute()
                .path("defender.riskLevel").entity(String.class).isEqualTo("HIGH")
                .path("defender.version").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void shouldRefuseAStaleDefenderUpdateWithConflictInsteadOfOverwriting() {
        String id = data().defender(data().organisation(), "LOW");
        officer.documentName("updateDefender").variable("input", Map.of("id", id, "version", 1, "riskLevel", "HIGH"))
                .execute().path("updateDefender.version").entity(Integer.class).isEqualTo(2);

        officer.documentName("updateDefender").variable("input", Map.of("id", id, "version", 1, "riskLevel", "MEDIUM"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));

        officer.documentName("defenderWithThreats").variable("id", id).execute()
                .path("defender.riskLevel").entity(String.class).isEqualTo("HIGH")
                .path("defender.version").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void shouldRecordTheFollowUpOfAThreatAndRefuseAStaleOne() {
        String defender = data().defender(data().organisation(), "HIGH");
        String threat = data().threat(defender, "2020-03-03", "DIGITAL_ATTACK", "MESSAGING_APP");

        var updated = officer.documentName("updateThreatFollowUp").variable("input", Map.of("id", threat, "version", 1,
                "followUp", "Complaint filed with the prosecutor", "reportedToAuthorities", true)).execute();
        updated.path("updateThreatFollowUp.version").entity(Integer.class).isEqualTo(2);
        updated.path("updateThreatFollowUp.followUp").entity(String.class).isEqualTo("Complaint filed with the prosecutor");
        updated.path("updateThreatFollowUp.reportedToAuthorities").entity(Boolean.class).isEqualTo(true);

        officer.documentName("updateThreatFollowUp").variable("input", Map.of("id", threat, "version", 1,
                        "followUp", "Overwritten"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("CONFLICT")));
        officer.documentName("defenderWithThreats").variable("id", defender).execute()
                .path("defender.threats[0].followUp").entity(String.class).isEqualTo("Complaint filed with the prosecutor")
                .path("defender.threats[0].reportedToAuthorities").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownDefender() {
        officer.documentName("defenderWithThreats").variable("id", UNKNOWN_ID).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        officer.documentName("recordThreat").variable("input", Map.of("defenderId", UNKNOWN_ID,
                        "occurredOn", "2020-01-01", "kind", "OTHER", "channel", "OTHER"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
        officer.documentName("updateDefender").variable("input", Map.of("id", UNKNOWN_ID, "version", 1,
                        "riskLevel", "LOW"))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void shouldRefuseCursorsOfOtherListsAndMalformedOnesAsBadRequestNamingAfter() {
        String detaineeCursor = base64Url("detainee:CL-2019-000001");
        String defenderKindWithBadKey = base64Url("defender:not-a-position");
        for (String cursor : List.of("not a cursor", detaineeCursor, defenderKindWithBadKey)) {
            officer.documentName("defendersPage").variable("after", cursor).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                        assertThat(e.getExtensions()).containsEntry("field", "after");
                    }));
        }
        officer.documentName("defendersPage").variable("first", 101).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "first")));
    }

    @Test
    void shouldLoadAPageWithOrganisationsAndThreatsInAConstantNumberOfStatements() {
        String org = data().organisation();
        addThreatenedDefenders(org, 2);
        Map<String, Object> filter = Map.of("organisationId", org);
        int forTwo = statementsDuring(() -> assertThat(page(filter, 50, null).ids()).hasSize(2));

        addThreatenedDefenders(org, 4);
        int forSix = statementsDuring(() -> assertThat(page(filter, 50, null).ids()).hasSize(6));

        assertThat(forSix).as("statements: %s", statements.statements()).isEqualTo(forTwo);
        // the page, its count, organisations, threats and last-threat dates: one statement each. No
        // data keys are read: the page selects no sealed field, so nothing is opened (it was 7, with a
        // key read for the defenders and one for their threats, when every read was decrypted)
        assertThat(forSix).as("statements: %s", statements.statements()).isEqualTo(5);
    }

    private void addThreatenedDefenders(String org, int howMany) {
        for (int i = 0; i < howMany; i++) {
            String defender = data().defender(org, "HIGH");
            data().threat(defender, "2019-11-0" + (i + 1), "HARASSMENT", "PHONE");
            data().threat(defender, "2020-01-0" + (i + 1), "SURVEILLANCE", "IN_PERSON");
        }
    }

    private int statementsDuring(Runnable action) {
        statements.reset();
        action.run();
        return statements.count();
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
