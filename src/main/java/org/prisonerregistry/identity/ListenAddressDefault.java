package org.prisonerregistry.identity;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the server listens unless told: on 127.0.0.1 with the development issuer, whose tokens
 * anyone with the data folder can mint, and on all interfaces once a real issuer guards the API.
 * REGISTRY_LISTEN_ADDRESS (or Spring's own SERVER_ADDRESS) sets it in either mode.
 */
class ListenAddressDefault implements EnvironmentPostProcessor, Ordered {

    static final String LOOPBACK = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("server.address")) {
            return;
        }
        Binder binder = Binder.get(environment);
        String address = binder.bind("registry.listen-address", String.class).orElse("").strip();
        if (address.isEmpty()) {
            address = realIssuerConfigured(binder) ? null : LOOPBACK;
        }
        if (address != null) {
            // Last in line, so that any other source that names server.address wins.
            environment.getPropertySources().addLast(
                    new MapPropertySource("registryListenAddress", Map.of("server.address", address)));
        }
    }

    /** Whether the settings name a real issuer, read before the configuration beans exist. */
    static boolean realIssuerConfigured(Binder binder) {
        return !binder.bind("registry.jwt.issuer-uri", String.class).orElse("").isBlank()
                || !binder.bind("registry.jwt.jwks-uri", String.class).orElse("").isBlank();
    }

    /** After the configuration files are read, so that a real issuer set in one of them counts. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
