package org.prisonerregistry;

import org.prisonerregistry.cli.RegistryCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import picocli.CommandLine;

/** The registry's single jar: {@code serve} (the default), {@code seed} and the other commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        // jOOQ prints a banner and a "tip of the day" on first use; they only clutter the start-up log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        int exitCode = new CommandLine(new RegistryCommand()).execute(args);
        System.exit(exitCode);
    }
}
