package org.prisonerregistry.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The in-browser query editor (GraphiQL) is on with the development issuer and off once a real
 * issuer guards the API, where it only advertises the schema; REGISTRY_GRAPHIQL=true|false sets it
 * either way.
 */
class GraphiqlDefault implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "spring.graphql.graphiql.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        Boolean chosen = binder.bind("registry.graphiql", Boolean.class).orElse(null);
        boolean enabled = chosen != null ? chosen : !ListenAddressDefault.realIssuerConfigured(binder);
        environment.getPropertySources().addFirst(
                new MapPropertySource("registryGraphiql", Map.of(PROPERTY, Boolean.toString(enabled))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
