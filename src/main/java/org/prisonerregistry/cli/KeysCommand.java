package org.prisonerregistry.cli;

import java.util.concurrent.Callable;
import org.prisonerregistry.keys.KeyRotationService.RotationNotFinishedException;
import org.prisonerregistry.keys.KeyringUnavailableException;
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

    /**
     * What a failed key command prints: the keyring's or rotation's own message when there is one
     * (start-up wraps it in Spring's exceptions). Those name files, versions and counts, never key material.
     */
    static String keyringMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeyringUnavailableException || cause instanceof RotationNotFinishedException) {
                return cause.getMessage();
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
