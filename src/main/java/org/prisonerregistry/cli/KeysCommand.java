package org.prisonerregistry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code keys} group: key management (rotation of the master key, removal of retired versions). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage the keyring that protects the registry's encrypted data.",
        subcommands = {KeysRotateCommand.class, KeysPurgeRetiredCommand.class})
public class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
