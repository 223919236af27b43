package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RawHttp;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Callers without a role (no token, or a token granting no known role) reach only public root
 * fields; everything else is refused with 401 before GraphQL runs. The development issuer's mode.
 */
@RegistryIntegrationTest
class AnonymousAccessTests {

    private static final String PROTECTED = "{ legalProvisions(country: \"CL\") { code } }";
    private static final String AUTHENTICATION_REQUIRED =
            "{\"errors\":[{\"message\":\"Authentication required\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}";

    @LocalServerPort
    int port;

    @Autowired
    TestTokens tokens;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    @Test
    void shouldRefuseAProtectedQueryWithoutATokenWith401AndAChallenge() {
        HttpResponse<String> response = http.query(PROTECTED, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).isEqualTo(AUTHENTICATION_REQUIRED);
    }

    @Test
    void shouldAnswerThePublicRootFieldsWithoutAToken() {
        assertThat(data(http.query("{ __typename }", null)).path("__typename").stringValue()).isEqualTo("Query");
        assertThat(data(http.query("{ __schema { queryType { name } } }", null)).path("__schema").path("queryType")
                .path("name").stringValue()).as("introspection is on with the development issuer").isEqualTo("Query");
    }

    @Test
    void shouldRefuseProtectedFieldsHiddenInFragmentsAliasesAndSecondOperations() {
        assertRefused(http.query("{ ...F } fragment F on Query { legalProvisions(country: \"CL\") { code } }", null));
        assertRefused(http.query("{ ... on Query { legalProvisions(country: \"CL\") { code } } }", null));
        assertRefused(http.query("{ publicStats: legalProvisions(country: \"CL\") { code } }", null));
        String two = "query Public { __typename } query Secret " + PROTECTED;
        assertRefused(http.postJson("/graphql", body(two, "Secret"), null));
        assertRefused(http.postJson("/graphql", body(two, null), null));
        assertThat(http.postJson("/graphql", body(two, "Public"), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseMutationsWithoutAToken() {
        assertRefused(http.query("mutation { createOrganisation(input: {code: \"X\", name: \"X\", kind: LAWYER_COLLECTIVE, "
                + "country: \"CL\"}) { id } }", null));
    }

    @Test
    void shouldRefuseAProtectedQuerySentWithGet() {
        String url = "/graphql?query=" + URLEncoder.encode(PROTECTED, StandardCharsets.UTF_8);

        assertRefused(http.get(url, null));
    }

    @Test
    void shouldRefuseAWebSocketUpgradeWithoutAToken() throws Exception {
        // The JDK's HTTP client will not send an Upgrade header, so speak HTTP/1.1 by hand.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 401");
        }
    }

    @Test
    void shouldRefuseWhatItCannotReadAndLetGraphQlAnswerSyntaxErrors() {
        assertRefused(http.postJson("/graphql", "{\"query\": ", null));
        assertRefused(http.postJson("/graphql", "[{\"query\": \"{ __typename }\"}]", null));
        assertRefused(http.postJson("/graphql", "{\"query\": \"{ __typename }\", \"query\": \"" + PROTECTED.replace("\"", "\\\"")
                + "\"}", null));

        HttpResponse<String> syntaxError = http.query("{ legalProvisions(country: ", null);
        JsonNode body = RawHttp.json(syntaxError);
        assertThat(body.has("data")).isFalse();
        assertThat(body.path("errors").path(0).path("extensions").path("classification").stringValue()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void shouldRefuseABodyLargerThan256KbWith413() {
        String padding = " ".repeat(AnonymousAccessFilter.MAX_BODY_BYTES);

        HttpResponse<String> response = http.postJson("/graphql", "{\"query\": \"{ __typename }\"}" + padding, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).doesNotContain("\"data\"");
    }

    @Test
    void shouldRefuseAnUndeclaredCharsetThatCouldBeReadTwoWays() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}"))
                .build();

        assertRefused(http.send(request));
    }

    @Test
    void shouldTreatATokenWithoutAKnownRoleAsAnonymous() {
        String noRole = tokens.token("dev-nobody", Set.of(), null);

        assertRefused(http.query(PROTECTED, noRole));
        assertThat(http.query("{ __typename }", noRole).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetACallerWithARoleThrough() {
        HttpResponse<String> response = http.query(PROTECTED, tokens.forRole(Role.ANALYST));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(data(response).path("legalProvisions").isArray()).isTrue();
    }

    @Test
    void shouldRefuseAnInvalidTokenEvenForPublicFields() {
        String token = tokens.forRole(Role.ADMIN);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> response = http.query("{ __typename }", tampered);

        assertRefused(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("invalid_token"));
    }

    @Test
    void shouldKeepGraphiqlReachableAndRefuseOtherPaths() {
        assertThat(http.get("/graphiql?path=/graphql", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/anything-else", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/anything-else", tokens.forRole(Role.ADMIN)).statusCode()).isEqualTo(403);
    }

    private static String body(String query, String operationName) {
        String escaped = query.replace("\\", "\\\\").replace("\"", "\\\"");
        return operationName == null
                ? "{\"query\": \"" + escaped + "\"}"
                : "{\"query\": \"" + escaped + "\", \"operationName\": \"" + operationName + "\"}";
    }

    private static JsonNode data(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = RawHttp.json(response);
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body.path("data");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer"));
        assertThat(RawHttp.json(response).has("data")).isFalse();
    }
}
