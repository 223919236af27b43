package org.prisonerregistry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The top-level command; with no subcommand it serves, which is what a newcomer expects of the jar. */
@Command(name = "prisoner-registry", mixinStandardHelpOptions = true,
        description = "A shared, role-scoped GraphQL registry of political prisoners.",
        subcommands = {ServeCommand.class, SeedCommand.class, TokenCommand.class, KeysCommand.class, AuditCommand.class})
public class RegistryCommand implements Callable<Integer> {

    /** Spring properties such as --server.port=9090, handed to {@code serve}. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.springArguments = springArguments;
        return serve.call();
    }
}
