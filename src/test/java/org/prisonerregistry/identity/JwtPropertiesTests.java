package org.prisonerregistry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A half-made production configuration stops the start instead of falling back to the development issuer. */
class JwtPropertiesTests {

    @Test
    void shouldUseTheDevelopmentIssuerWhenNothingIsSet() {
        JwtProperties properties = new JwtProperties(null, " ", null, "", null, null);

        assertThat(properties.realIssuerConfigured()).isFalse();
        assertThat(properties.rolesClaim()).isEqualTo("roles");
        assertThat(properties.orgClaim()).isEqualTo("org");
    }

    @Test
    void shouldTrustADiscoveredIssuerForItsOwnUrl() {
        JwtProperties properties = new JwtProperties("https://id.example.org/realms/registry", null, null, "registry",
                "realm_access.roles", null);

        assertThat(properties.realIssuerConfigured()).isTrue();
        assertThat(properties.expectedIssuer()).isEqualTo("https://id.example.org/realms/registry");
    }

    @Test
    void shouldRefuseAKeySetWithoutTheExpectedIssuer() {
        assertThatThrownBy(() -> new JwtProperties(null, "https://id.example.org/certs", null, "registry", null, null))
                .hasMessageContaining("REGISTRY_JWT_JWKS_URI needs REGISTRY_JWT_ISSUER");
    }

    @Test
    void shouldRefuseARealIssuerWithoutAnAudience() {
        assertThatThrownBy(() -> new JwtProperties("https://id.example.org/realms/registry", null, null, null, null, null))
                .hasMessageContaining("REGISTRY_JWT_AUDIENCE is required");
    }

    @Test
    void shouldRefuseBothWaysOfFindingKeysAtOnce() {
        assertThatThrownBy(() -> new JwtProperties("https://id.example.org/realms/registry", "https://id.example.org/certs",
                "https://id.example.org/realms/registry", "registry", null, null))
                .hasMessageContaining("not both");
    }

    @Test
    void shouldRefuseAnAudienceWithoutAnIssuerRatherThanFallBackToTheDevelopmentIssuer() {
        assertThatThrownBy(() -> new JwtProperties(null, null, null, "registry", null, null))
                .hasMessageContaining("will not fall back");
    }

    @Test
    void shouldRefusePlainHttpExceptOnLoopback() {
        assertThatThrownBy(() -> new JwtProperties("http://id.example.org/realms/registry", null, null, "registry", null, null))
                .hasMessageContaining("https://");
        assertThat(new JwtProperties(null, "http://127.0.0.1:8081/certs", "http://127.0.0.1:8081", "registry", null, null)
                .realIssuerConfigured()).isTrue();
        assertThat(new JwtProperties("http://localhost:8081/realms/registry", null, null, "registry", null, null)
                .realIssuerConfigured()).isTrue();
    }
}
