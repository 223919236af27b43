package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prisonerregistry.support.RawHttp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry in production mode, trusting one issuer whose key set it fetches over real HTTP: every
 * forged, stale or misdirected token is refused with 401 and no data, and a good one reaches the
 * data fetchers as its {@link Caller}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "registry.data-dir=target/test-data/${random.uuid}",
        "registry.jwt.audience=" + TestIssuer.AUDIENCE,
        "registry.jwt.roles-claim=realm_access.roles",
        "spring.graphql.schema.locations=classpath:graphql/,classpath:graphql-identity-test/"})
@Import(TokenAttackTests.CallerProbe.class)
class TokenAttackTests {

    private static final String PROTECTED = "{ legalProvisions(country: \"CL\") { code } }";
    private static final String PROBE = "{ callerProbe { subject roles organisation anonymous } }";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("registry.jwt.jwks-uri", () -> TestIssuer.shared().jwksUri());
        registry.add("registry.jwt.issuer", () -> TestIssuer.shared().issuer());
    }

    @LocalServerPort
    int port;

    RawHttp http;

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    @Test
    void shouldAcceptAValidTokenAndShowItsCallerToDataFetchers() {
        // The token grants "lawyer" and "Coordinator" (and Keycloak's offline_access, which is no role):
        // a request acts in one of them, named with X-Acting-Role, and the data fetchers see that one.
        String token = TestIssuer.shared().token(claims -> { });

        for (String acting : List.of("COORDINATOR", "LAWYER")) {
            HttpResponse<String> response = http.send(actingAs(PROBE, token, acting));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode caller = RawHttp.json(response).path("data").path("callerProbe");
            assertThat(caller.path("subject").stringValue()).isEqualTo("f3c1a2d4-lawyer");
            assertThat(caller.path("roles").valueStream().map(JsonNode::stringValue)).containsExactly(acting);
            assertThat(caller.path("organisation").stringValue()).isEqualTo("DEF-CL");
            assertThat(caller.path("anonymous").booleanValue()).isFalse();
            assertThat(RawHttp.json(http.send(actingAs(PROTECTED, token, acting))).path("data").path("legalProvisions")
                    .isArray()).isTrue();
        }
        for (String notGranted : List.of("ADMIN", "offline_access")) {
            HttpResponse<String> response = http.send(actingAs(PROBE, token, notGranted));
            assertThat(response.statusCode()).as("the token does not grant " + notGranted).isEqualTo(403);
            assertThat(RawHttp.json(response).has("data")).isFalse();
        }
        // The probe is open to every role, so without X-Acting-Role it shows every role the token grants.
        JsonNode noActingRole = RawHttp.json(http.query(PROBE, token));
        assertThat(noActingRole.path("data").path("callerProbe").path("roles").valueStream().map(JsonNode::stringValue))
                .containsExactlyInAnyOrder("COORDINATOR", "LAWYER");
        assertThat(noActingRole.has("errors")).isFalse();
    }

    /** A POST of {@code query} with a bearer token, acting in {@code role}. */
    private HttpRequest actingAs(String query, String token, String role) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Acting-Role", role)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void shouldRefuseWith401AndNoData(String token, String reason) {
        HttpResponse<String> response = http.query(PROTECTED, token);

        assertRefused(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\"").contains(reason));
    }

    /** Each bad token, and the words of the refusal that show it was refused for the right reason. */
    static Stream<Arguments> badTokens() throws Exception {
        TestIssuer issuer = TestIssuer.shared();
        Instant now = Instant.now();
        RSAKey strangersKey = new RSAKeyGenerator(2048).keyID("not-in-the-key-set").generate();
        RSAKey strangerWithKnownKid = new RSAKeyGenerator(2048).keyID(TestIssuer.KEY_ID).generate();
        return Stream.of(
                bad("expired", "expired", issuer.token(c -> c
                        .issueTime(Date.from(now.minus(2, ChronoUnit.HOURS)))
                        .expirationTime(Date.from(now.minus(5, ChronoUnit.MINUTES))))),
                bad("not yet valid", "used before",
                        issuer.token(c -> c.notBeforeTime(Date.from(now.plus(5, ChronoUnit.MINUTES))))),
                bad("without expiry", "exp is required", issuer.token(c -> c.expirationTime(null))),
                bad("without subject", "sub claim is not valid", issuer.token(c -> c.subject(null))),
                bad("wrong issuer", "iss claim is not valid",
                        issuer.token(c -> c.issuer("https://idp.example.org/realms/test"))),
                bad("wrong audience", "aud claim is not valid", issuer.token(c -> c.audience("another-service"))),
                bad("alg none", "algorithm of none",
                        new PlainJWT(TestIssuer.validClaims(issuer.issuer()).build()).serialize()),
                bad("HS256 with the public key as secret", "no matching key", hmacWithPublicKey(issuer)),
                bad("tampered payload", "Invalid signature", tampered(issuer.token(c -> { }))),
                bad("unknown key id", "no matching key", TestIssuer.sign(TestIssuer.validClaims(issuer.issuer()).build(),
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(strangersKey.getKeyID()).build(),
                        TestIssuer.signer(strangersKey))),
                bad("known key id, other key", "Invalid signature", TestIssuer.sign(
                        TestIssuer.validClaims(issuer.issuer()).build(),
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(TestIssuer.KEY_ID).build(),
                        TestIssuer.signer(strangerWithKnownKid))),
                bad("development issuer", "no matching key", developmentToken()),
                bad("not a JWT", "Malformed", "not-a-token"));
    }

    private static Arguments bad(String name, String reason, String token) {
        return Arguments.of(Named.of(name, token), reason);
    }

    @Test
    void shouldRefuseAProtectedQueryWithoutAToken() {
        HttpResponse<String> response = http.query(PROBE, null);

        assertRefused(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void shouldIgnoreATokenInTheQueryString() {
        String token = TestIssuer.shared().token(claims -> { });

        assertRefused(http.postJson("/graphql?access_token=" + token, "{\"query\":\"" + PROBE + "\"}", null));
    }

    @Test
    void shouldTreatAValidTokenWithoutAKnownRoleAsAnonymous() {
        String token = TestIssuer.shared().token(claims -> claims.claim("realm_access",
                Map.of("roles", List.of("offline_access", "uma_authorization"))));

        assertRefused(http.query(PROBE, token));
        assertThat(RawHttp.json(http.query("{ __typename }", token)).path("data").path("__typename").stringValue())
                .isEqualTo("Query");
    }

    @Test
    void shouldKeepIntrospectionFromAnonymousCallersInProductionMode() {
        String introspection = "{ __schema { queryType { name } } }";

        assertRefused(http.query(introspection, null));
        assertThat(http.query(introspection, TestIssuer.shared().token(claims -> { })).statusCode()).isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer"));
        JsonNode body = RawHttp.json(response);
        assertThat(body.has("data")).as("a refused request carries no data").isFalse();
        assertThat(body.path("errors").path(0).path("extensions").path("classification").stringValue())
                .isEqualTo("UNAUTHORIZED");
    }

    /** The classic key-confusion attack: HMAC keyed with the bytes of the issuer's public RSA key. */
    private static String hmacWithPublicKey(TestIssuer issuer) throws JOSEException {
        byte[] publicKey = issuer.signingKey().toRSAPublicKey().getEncoded();
        return TestIssuer.sign(TestIssuer.validClaims(issuer.issuer()).build(),
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestIssuer.KEY_ID).build(), new MACSigner(publicKey));
    }

    /** A genuine token whose payload is swapped for one granting ADMIN, keeping the signature. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"lawyer\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String developmentToken() throws Exception {
        Path folder = Path.of("target/test-data/dev-issuer-" + java.util.UUID.randomUUID());
        JwtProperties defaults = new JwtProperties(null, null, null, null, null, null);
        return new DevelopmentIssuer(DevelopmentIssuerKey.loadOrCreate(folder), defaults)
                .mint("dev-admin", Set.of(Role.ADMIN), null, Duration.ofHours(1));
    }

    /** Answers {@code callerProbe} from {@link CurrentCaller}, to show what a data fetcher sees. */
    @Controller
    static class CallerProbe {

        private final CurrentCaller currentCaller;

        CallerProbe(CurrentCaller currentCaller) {
            this.currentCaller = currentCaller;
        }

        @QueryMapping
        Probe callerProbe() {
            Caller caller = currentCaller.get();
            return new Probe(caller.subject(), caller.roles().stream().map(Role::name).toList(), caller.organisation(),
                    caller.anonymous());
        }

        record Probe(String subject, List<String> roles, String organisation, boolean anonymous) {
        }
    }
}
