package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** {@code me} gives back exactly what the token says, and nothing to a caller without a role. */
@RegistryIntegrationTest
class MeTests {

    private static final String ME = "{ me { subject roles organisation scope } }";

    @Autowired
    HttpGraphQlTester graphQl;

    @Autowired
    TestTokens tokens;

    @LocalServerPort
    int port;

    @Test
    void shouldGiveBackTheSubjectRoleAndOrganisationOfTheToken() {
        var me = as(tokens.token("maria", Set.of(Role.LAWYER), "DEF-CL")).document(ME).execute();

        me.path("me.subject").entity(String.class).isEqualTo("maria");
        me.path("me.roles").entityList(String.class).containsExactly("LAWYER");
        me.path("me.organisation").entity(String.class).isEqualTo("DEF-CL");
        me.path("me.scope").entityList(String.class).containsExactly("ASSIGNED_CASES");
    }

    @Test
    void shouldListEveryRoleWithTheRowsItReachesAndNoOrganisationWhenTheTokenNamesNone() {
        // A request acts in one role: a token granting several names it with X-Acting-Role, and `me`
        // then answers for the caller in that role. Every role the token grants can be named. (Without
        // the header `me`, open to every role, lists them all; FieldAccessTests covers that.)
        String token = tokens.token("dev-everything", Set.of(Role.values()), null);
        Map<Role, String> rowsReached = new LinkedHashMap<>();
        rowsReached.put(Role.ANALYST, "AGGREGATES_ONLY");
        rowsReached.put(Role.COORDINATOR, "ORGANISATION_CASELOAD");
        rowsReached.put(Role.LAWYER, "ASSIGNED_CASES");
        rowsReached.put(Role.PROTECTION_OFFICER, "DEFENDERS_AND_THREATS");
        rowsReached.put(Role.AUDITOR, "AUDIT_LOG");
        rowsReached.put(Role.ADMIN, "ALL_ROWS_INTERNAL_ONLY");
        assertThat(rowsReached).containsOnlyKeys(Role.values());

        rowsReached.forEach((role, rows) -> {
            var me = as(token).mutate().header("X-Acting-Role", role.name()).build().document(ME).execute();

            me.path("me.subject").entity(String.class).isEqualTo("dev-everything");
            me.path("me.organisation").valueIsNull();
            me.path("me.roles").entityList(String.class).containsExactly(role.name());
            me.path("me.scope").entityList(String.class).containsExactly(rows);
        });
    }

    @Test
    void shouldRefuseACallerWithoutATokenWith401() {
        assertRefused(new RawHttp(port).query(ME, null));
    }

    @Test
    void shouldRefuseATokenThatGrantsNoKnownRoleWith401() {
        assertRefused(new RawHttp(port).query(ME, tokens.token("dev-nobody", Set.of(), "DEF-CL")));
    }

    @Test
    void shouldAnswerUnauthorizedRatherThanDescribeNobodyIfACallerWithoutARoleGotPastTheFilter(
            @Autowired ExecutionGraphQlService graphQlService) {
        // Straight to GraphQL, past the HTTP filter, with no authentication in the security context.
        ExecutionGraphQlServiceTester.create(graphQlService).document(ME).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED)))
                .path("me").valueIsNull();
    }

    private HttpGraphQlTester as(String token) {
        return graphQl.mutate().headers(headers -> headers.setBearerAuth(token)).build();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Refusals.AUTHENTICATION_REQUIRED);
    }
}
