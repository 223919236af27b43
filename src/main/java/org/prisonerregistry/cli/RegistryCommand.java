package org.prisonerregistry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The top-level command; with no subcommand it serves, which is what a newcomer expects of the jar. */
@Command(name = "prisoner-registry", mixinStandardHelpOptions = true,
        description = "A shared, role-scoped GraphQL registry of political prisoners.",
        subcommands = {ServeCommand.class, SeedCommand.class})
public class RegistryCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return new ServeCommand().call();
    }
}
