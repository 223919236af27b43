package org.prisonerregistry.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local issuer of the embedded default: signs access tokens that this registry's development
 * mode accepts, so a newcomer can act as any role. It is never trusted once a real issuer is set.
 */
public final class DevelopmentIssuer {

    /** The {@code iss} of development tokens: a URL (as Spring expects of issuers) under .invalid, which never resolves. */
    public static final String ISSUER = "https://dev-issuer.prisoner-registry.invalid";
    /** The {@code aud} of development tokens. */
    public static final String AUDIENCE = "prisoner-registry";
    /** Long-lived tokens are a liability even in development. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);

    private final DevelopmentIssuerKey key;
    private final ClaimPaths claims;
    private final Clock clock;

    public DevelopmentIssuer(DevelopmentIssuerKey key, JwtProperties properties) {
        this(key, properties, Clock.systemUTC());
    }

    DevelopmentIssuer(DevelopmentIssuerKey key, JwtProperties properties, Clock clock) {
        this.key = key;
        this.claims = new ClaimPaths(properties.rolesClaim(), properties.orgClaim());
        this.clock = clock;
    }

    /**
     * A signed token for {@code subject} with {@code roles}, valid from now for {@code lifetime}.
     * The roles and organisation go into the configured claims, so the server reads them back.
     */
    public String mint(String subject, Set<Role> roles, String organisation, Duration lifetime) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A token needs a subject");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("A token's lifetime must be positive and at most 7 days");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claimSet = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        Map<String, Object> custom = new LinkedHashMap<>();
        ClaimPaths.put(custom, claims.roles(), roles.stream().map(Role::name).toList());
        if (organisation != null && !organisation.isBlank()) {
            ClaimPaths.put(custom, claims.organisation(), organisation.strip());
        }
        custom.forEach(claimSet::claim);
        return sign(claimSet.build());
    }

    private String sign(JWTClaimsSet claimSet) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .keyID(key.signingKey().getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claimSet);
        try {
            jwt.sign(new ECDSASigner(key.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
        return jwt.serialize();
    }
}
