package org.prisonerregistry.legal;

import java.util.HashMap;
import java.util.Map;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Creates cases, charges, hearings and sentences through the public API for the legal tests. */
final class LegalTestData {

    private final GraphQlTester graphQl;

    LegalTestData(GraphQlTester graphQl) {
        this.graphQl = graphQl;
    }

    /** Opens a case in a Chilean court with {@code extra} input fields, and returns its id. */
    String openCase(String detaineeId, Map<String, Object> extra) {
        Map<String, Object> input = new HashMap<>(Map.of("detaineeId", detaineeId,
                "court", "7º Juzgado de Garantía de Santiago"));
        input.putAll(extra);
        return graphQl.documentName("legal-openCase").variable("input", input)
                .execute().path("openCase.id").entity(String.class).get();
    }

    String openCase(String detaineeId) {
        return openCase(detaineeId, Map.of());
    }

    /** Adds a pending charge under the provision with {@code code}, and returns the charge's id. */
    String charge(String caseId, String code) {
        return graphQl.document("""
                        mutation($input: AddChargeInput!) { addCharge(input: $input) { id } }""")
                .variable("input", Map.of("caseId", caseId, "legalProvisionCode", code))
                .execute().path("addCharge.id").entity(String.class).get();
    }

    void hearing(String caseId, String heldOn, String kind) {
        graphQl.document("""
                        mutation($input: RecordHearingInput!) { recordHearing(input: $input) { id } }""")
                .variable("input", Map.of("caseId", caseId, "heldOn", heldOn, "kind", kind))
                .execute().path("recordHearing.id").hasValue();
    }

    /** Records a sentence with the given input fields besides the case. */
    void sentence(String caseId, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.put("caseId", caseId);
        graphQl.documentName("legal-recordSentence").variable("input", input)
                .execute().path("recordSentence.id").hasValue();
    }
}
