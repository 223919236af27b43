package org.prisonerregistry.cli;

import java.util.List;
import org.prisonerregistry.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry without its web server, for commands that work on the data (seed, key rotation):
 * the same database, keyring and migrations as the server, attached to it if one is running.
 */
final class HeadlessRegistry {

    private HeadlessRegistry() {
    }

    static ConfigurableApplicationContext start(List<String> springArguments) {
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        return app.run(springArguments.toArray(String[]::new));
    }
}
