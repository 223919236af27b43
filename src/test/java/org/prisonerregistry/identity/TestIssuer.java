package org.prisonerregistry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for Keycloak over real HTTP on 127.0.0.1: realm {@code test} publishes its OpenID
 * Connect discovery document and its key set, and this class signs tokens with the realm's key.
 * Realm {@code liar} publishes a discovery document that names realm {@code test} as its issuer.
 */
final class TestIssuer implements AutoCloseable {

    static final String AUDIENCE = "prisoner-registry-api";
    static final String KEY_ID = "realm-test-key";

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey signingKey;
    private final String base;

    private TestIssuer() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID(KEY_ID).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Could not set up the test issuer", e);
        }
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        String keySet = new JWKSet(signingKey.toPublicJWK()).toString();
        server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> respond(exchange, keySet));
        server.createContext("/realms/test/.well-known/openid-configuration",
                exchange -> respond(exchange, discovery(issuer())));
        server.createContext("/realms/liar/.well-known/openid-configuration",
                exchange -> respond(exchange, discovery(issuer())));
        server.start();
    }

    /** One server for the whole test run; the token attack context and the discovery tests share it. */
    static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    String issuer() {
        return base + "/realms/test";
    }

    String liarIssuer() {
        return base + "/realms/liar";
    }

    String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    RSAKey signingKey() {
        return signingKey;
    }

    /** Claims a Keycloak access token for the registry would carry: a lawyer of organisation DEF-CL. */
    static JWTClaimsSet.Builder validClaims(String issuer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE, "account"))
                .subject("f3c1a2d4-lawyer")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))
                .claim("realm_access", Map.of("roles", List.of("lawyer", "Coordinator", "offline_access")))
                .claim("org", "DEF-CL");
    }

    /** A token signed with the realm's key, from the valid claims changed by {@code change}. */
    String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = validClaims(issuer());
        change.accept(claims);
        return sign(claims.build(), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), signer(signingKey));
    }

    static String sign(JWTClaimsSet claims, JWSHeader header, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static JWSSigner signer(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery(String issuer) {
        return """
                {"issuer":"%s","jwks_uri":"%s","id_token_signing_alg_values_supported":["RS256"],
                 "subject_types_supported":["public"],"response_types_supported":["code"],
                 "authorization_endpoint":"%s/protocol/openid-connect/auth","token_endpoint":"%s/protocol/openid-connect/token"}"""
                .formatted(issuer, jwksUri(), issuer, issuer);
    }

    private static void respond(HttpExchange exchange, String json) {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
