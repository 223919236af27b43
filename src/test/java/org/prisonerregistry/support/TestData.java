package org.prisonerregistry.support;

import java.util.Map;
import java.util.UUID;

/**
 * Creates the records tests need through the public API, each with names no other test uses, and
 * each as the role that may create it: reference data as ADMIN, detainees, detentions as the test
 * coordinator (so they join the test caseload), cases as the test lawyer (assigned to every detainee
 * made here), defenders as a protection officer.
 */
public final class TestData {

    private final Actors actors;

    public TestData(Actors actors) {
        this.actors = actors;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String facility(String country, String region) {
        return actors.admin().document("""
                        mutation($input: CreateFacilityInput!) { createFacility(input: $input) { id } }""")
                .variable("input", Map.of("name", unique("Test prison"), "country", country, "region", region,
                        "kind", "PRISON", "operator", "PRIVATE_CONCESSION"))
                .execute().path("createFacility.id").entity(String.class).get();
    }

    public String organisation(String name) {
        return actors.admin().document("""
                        mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }""")
                .variable("input", Map.of("code", unique("ORG").toUpperCase(), "name", name,
                        "kind", "LAWYER_COLLECTIVE", "country", "CL"))
                .execute().path("createOrganisation.id").entity(String.class).get();
    }

    /**
     * A detainee in Chile living in {@code region}, with only the required fields, in the test
     * caseload and assigned to the test lawyer.
     */
    public String detainee(String region) {
        String id = actors.coordinator().documentName("createDetainee")
                .variable("input", Map.of("country", "CL", "fullName", unique("Test Person"), "gender", "FEMALE",
                        "affiliation", "STUDENT", "region", region))
                .execute().path("createDetainee.id").entity(String.class).get();
        actors.assignTestLawyer(id);
        return id;
    }

    /** Records an arrest and returns the detention's id. */
    public String detention(String detaineeId, String arrestedOn, String regime, String facilityId) {
        var input = new java.util.HashMap<String, Object>(Map.of("detaineeId", detaineeId, "arrestedOn", arrestedOn,
                "regime", regime));
        if (facilityId != null) {
            input.put("facilityId", facilityId);
        }
        return actors.coordinator().document("""
                        mutation($input: RecordDetentionInput!) { recordDetention(input: $input) { id } }""")
                .variable("input", input)
                .execute().path("recordDetention.id").entity(String.class).get();
    }

    /** Opens a case against the detainee in a Chilean court and returns its id. */
    public String courtCase(String detaineeId) {
        return actors.lawyer().document("""
                        mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }""")
                .variable("input", Map.of("detaineeId", detaineeId, "court", "4º Juzgado de Garantía de Santiago"))
                .execute().path("openCase.id").entity(String.class).get();
    }

    /** A defender of {@code kind} (LAWYER, HUMAN_RIGHTS_DEFENDER, …) in the organisation; returns its id. */
    public String defender(String organisationId, String kind) {
        return actors.protectionOfficer().document("""
                        mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                .variable("input", Map.of("organisationId", organisationId, "fullName", unique("Invented Lawyer"),
                        "kind", kind, "riskLevel", "MEDIUM"))
                .execute().path("createDefender.id").entity(String.class).get();
    }
}
