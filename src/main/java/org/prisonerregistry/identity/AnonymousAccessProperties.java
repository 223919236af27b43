package org.prisonerregistry.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What callers without a role may ask. {@code anonymousIntrospection} (env
 * REGISTRY_GRAPHQL_ANONYMOUS_INTROSPECTION) lets them read the schema; unset, it is on with the
 * development issuer and off with a real one.
 */
@ConfigurationProperties("registry.graphql")
public record AnonymousAccessProperties(Boolean anonymousIntrospection) {

    boolean introspectionAllowed(JwtProperties jwt) {
        return anonymousIntrospection != null ? anonymousIntrospection : !jwt.realIssuerConfigured();
    }
}
