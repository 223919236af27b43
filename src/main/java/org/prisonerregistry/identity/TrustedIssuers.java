package org.prisonerregistry.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the one token decoder the registry uses: for the configured real issuer, or for the
 * development issuer. Either way a token must be signed with an asymmetric algorithm by a key of
 * that issuer, and carry its {@code iss}, the registry's {@code aud}, a subject and an expiry.
 */
public final class TrustedIssuers {

    /** Clocks of issuer and registry drift a little; tokens are short-lived, so keep the allowance small. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * Public-key signatures only: no {@code none}, and no HMAC, whose shared secret an attacker could
     * guess as the issuer's public key.
     */
    private static final Set<SignatureAlgorithm> ASYMMETRIC = EnumSet.allOf(SignatureAlgorithm.class);

    private TrustedIssuers() {
    }

    /** Trusts the issuer the operator configured, fetching its keys over HTTP(S) when first needed. */
    public static JwtDecoder realIssuer(JwtProperties properties) {
        if (!properties.realIssuerConfigured()) {
            throw new IllegalStateException("No real issuer is configured");
        }
        NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder = properties.issuerUri() != null
                ? NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                : NimbusJwtDecoder.withJwkSetUri(properties.jwksUri());
        NimbusJwtDecoder decoder = builder
                .jwsAlgorithms(algorithms -> algorithms.addAll(ASYMMETRIC))
                // Some issuers type access tokens "at+jwt" (RFC 9068); the checks below do not depend on the type.
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(properties.expectedIssuer(), properties.audience()));
        return decoder;
    }

    /** Trusts the development issuer's key alone. */
    public static JwtDecoder developmentIssuer(DevelopmentIssuerKey key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.verificationKey())))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(validator(DevelopmentIssuer.ISSUER, DevelopmentIssuer.AUDIENCE));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setAllowEmptyExpiryClaim(false); // a token without an expiry would be good forever
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    }
}
