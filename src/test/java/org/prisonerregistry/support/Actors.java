package org.prisonerregistry.support;

import java.util.Map;
import java.util.Set;
import org.prisonerregistry.identity.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The people who use the registry in tests, one tester each, signed in with development-issuer
 * tokens and stating a purpose (so SPECIAL fields are readable where the role allows them):
 * <ul>
 *   <li>{@link #coordinator()} of the test organisation {@value #ORGANISATION_CODE}, whose caseload
 *       every detainee made by {@link TestData} joins;</li>
 *   <li>{@link #lawyer()}, subject {@value #LAWYER_SUBJECT}, assigned by {@link TestData} to every
 *       detainee it makes;</li>
 *   <li>{@link #protectionOfficer()}, {@link #admin()}, {@link #analyst()}, {@link #auditor()}.</li>
 * </ul>
 * The organisation and the lawyer's defender record are created once per database, on first use.
 */
@TestComponent
public class Actors {

    public static final String ORGANISATION_CODE = "TEST-CASELOAD";
    public static final String LAWYER_SUBJECT = "test-lawyer";
    public static final String PURPOSE = "Integration test of the registry";

    private final HttpGraphQlTester anonymous;
    private final TestTokens tokens;
    private String organisationId;
    private String lawyerDefenderId;

    Actors(HttpGraphQlTester anonymous, TestTokens tokens) {
        this.anonymous = anonymous;
        this.tokens = tokens;
    }

    public HttpGraphQlTester anonymous() {
        return anonymous;
    }

    public HttpGraphQlTester admin() {
        return as("test-admin", Role.ADMIN, null);
    }

    public HttpGraphQlTester coordinator() {
        organisationId();
        return as("test-coordinator", Role.COORDINATOR, ORGANISATION_CODE);
    }

    public HttpGraphQlTester lawyer() {
        lawyerDefenderId();
        return as(LAWYER_SUBJECT, Role.LAWYER, null);
    }

    public HttpGraphQlTester protectionOfficer() {
        return as("test-protection-officer", Role.PROTECTION_OFFICER, null);
    }

    public HttpGraphQlTester analyst() {
        return as("test-analyst", Role.ANALYST, null);
    }

    public HttpGraphQlTester auditor() {
        return as("test-auditor", Role.AUDITOR, null);
    }

    /** A tester acting in {@code role} as {@code subject} of {@code organisation} (may be null), stating the test purpose. */
    public HttpGraphQlTester as(String subject, Role role, String organisation) {
        String token = tokens.token(subject, Set.of(role), organisation);
        return anonymous.mutate().headers(headers -> {
            headers.setBearerAuth(token);
            headers.set("X-Access-Purpose", PURPOSE);
        }).build();
    }

    /** The test organisation, created on first use. */
    public synchronized String organisationId() {
        if (organisationId == null) {
            HttpGraphQlTester admin = admin();
            organisationId = admin.document("{ organisations { id code } }").execute()
                    .path("organisations[?(@.code == '" + ORGANISATION_CODE + "')].id").entityList(String.class).get()
                    .stream().findFirst()
                    .orElseGet(() -> admin.document("""
                                    mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }""")
                            .variable("input", Map.of("code", ORGANISATION_CODE, "name", "Invented Test Caseload",
                                    "kind", "LAWYER_COLLECTIVE", "country", "CL"))
                            .execute().path("createOrganisation.id").entity(String.class).get());
        }
        return organisationId;
    }

    /** The defender record of the test lawyer, created on first use. */
    public synchronized String lawyerDefenderId() {
        if (lawyerDefenderId == null) {
            HttpGraphQlTester officer = protectionOfficer();
            lawyerDefenderId = officer.document("""
                            query($org: ID!) { defenders(filter: { organisationId: $org }, first: 100) {
                              edges { node { id loginSubject } } } }""")
                    .variable("org", organisationId()).execute()
                    .path("defenders.edges[?(@.node.loginSubject == '" + LAWYER_SUBJECT + "')].node.id")
                    .entityList(String.class).get().stream().findFirst()
                    .orElseGet(() -> officer.document("""
                                    mutation($input: CreateDefenderInput!) { createDefender(input: $input) { id } }""")
                            .variable("input", Map.of("organisationId", organisationId(), "fullName", "Invented Test Lawyer",
                                    "kind", "LAWYER", "riskLevel", "HIGH", "loginSubject", LAWYER_SUBJECT))
                            .execute().path("createDefender.id").entity(String.class).get());
        }
        return lawyerDefenderId;
    }

    /** Assigns the test lawyer to the detainee (as ADMIN), so that {@link #lawyer()} reaches them. */
    public void assignTestLawyer(String detaineeId) {
        admin().document("mutation($input: AssignLawyerInput!) { assignLawyer(input: $input) { active } }")
                .variable("input", Map.of("detaineeId", detaineeId, "defenderId", lawyerDefenderId()))
                .execute().path("assignLawyer.active").entity(Boolean.class).isEqualTo(true);
    }
}
