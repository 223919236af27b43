package org.prisonerregistry.defender;

import java.util.HashMap;
import java.util.Map;
import org.prisonerregistry.support.Actors;
import org.prisonerregistry.support.TestData;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Creates defenders and threats through the public API, each with names and subjects no other test uses. */
class DefenderTestData {

    private final GraphQlTester officer;
    private final Actors actors;

    /** Creates defenders and threats as a protection officer, the role that records them. */
    DefenderTestData(Actors actors) {
        this.officer = actors.protectionOfficer();
        this.actors = actors;
    }

    /** A fresh organisation, so that a test can list exactly its own defenders in the shared database. */
    String organisation() {
        return new TestData(actors).organisation(TestData.unique("Invented Defence Collective"));
    }

    /** The input of a lawyer of {@code organisationId} at {@code riskLevel}, with only the required fields. */
    static Map<String, Object> newDefender(String organisationId, String riskLevel) {
        Map<String, Object> input = new HashMap<>();
        input.put("organisationId", organisationId);
        input.put("fullName", TestData.unique("Invented Lawyer"));
        input.put("kind", "LAWYER");
        input.put("riskLevel", riskLevel);
        return input;
    }

    String defender(String organisationId, String riskLevel) {
        return officer.documentName("createDefender").variable("input", newDefender(organisationId, riskLevel))
                .execute().path("createDefender.id").entity(String.class).get();
    }

    /** Records a threat and returns its id. */
    String threat(String defenderId, String occurredOn, String kind, String channel) {
        return officer.documentName("recordThreat")
                .variable("input", Map.of("defenderId", defenderId, "occurredOn", occurredOn, "kind", kind,
                        "channel", channel))
                .execute().path("recordThreat.id").entity(String.class).get();
    }
}
