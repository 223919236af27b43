package org.prisonerregistry.cli;

import java.util.List;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The registry's settings as the server would see them (command-line properties, environment
 * variables, application.yaml and any config files), for commands that must not start the server.
 */
final class OfflineConfiguration {

    private final Binder binder;

    private OfflineConfiguration(Binder binder) {
        this.binder = binder;
    }

    static OfflineConfiguration of(List<String> springArguments) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(
                new SimpleCommandLinePropertySource(springArguments.toArray(String[]::new)));
        ConfigDataEnvironmentPostProcessor.applyTo(environment);
        ConfigurationPropertySources.attach(environment);
        return new OfflineConfiguration(Binder.get(environment));
    }

    /** Binds a {@code @ConfigurationProperties} record exactly as the server does, defaults included. */
    <T> T bind(String prefix, Class<T> type) {
        return binder.bindOrCreate(prefix, Bindable.of(type));
    }
}
