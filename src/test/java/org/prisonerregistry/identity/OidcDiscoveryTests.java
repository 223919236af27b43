package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** REGISTRY_JWT_ISSUER_URI: the key set is found by OpenID Connect discovery, over real HTTP. */
class OidcDiscoveryTests {

    private final TestIssuer issuer = TestIssuer.shared();

    private static JwtProperties discovering(String issuerUri) {
        return new JwtProperties(issuerUri, null, null, TestIssuer.AUDIENCE, "realm_access.roles", "org");
    }

    @Test
    void shouldAcceptATokenFromTheDiscoveredIssuer() {
        JwtDecoder decoder = TrustedIssuers.realIssuer(discovering(issuer.issuer()));

        Jwt jwt = decoder.decode(issuer.token(claims -> { }));

        assertThat(jwt.getSubject()).isEqualTo("f3c1a2d4-lawyer");
        CallerAuthentication authentication = new CallerAuthenticationConverter(discovering(issuer.issuer())).convert(jwt);
        assertThat(authentication.caller().roles()).containsExactlyInAnyOrder(Role.LAWYER, Role.COORDINATOR);
        assertThat(authentication.caller().organisation()).isEqualTo("DEF-CL");
    }

    @Test
    void shouldRefuseATokenForAnotherAudience() {
        JwtDecoder decoder = TrustedIssuers.realIssuer(discovering(issuer.issuer()));

        assertThatThrownBy(() -> decoder.decode(issuer.token(claims -> claims.audience("another-service"))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void shouldRefuseAnIssuerWhoseDiscoveryDocumentNamesAnotherIssuer() {
        assertThatThrownBy(() -> TrustedIssuers.realIssuer(discovering(issuer.liarIssuer())))
                .hasMessageContaining("did not match the requested issuer");
    }
}
