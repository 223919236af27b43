package org.prisonerregistry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prisonerregistry.keys.KeyRotationService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Removes retired master-key versions from the keyring file. Until then an old backup of the
 * database, whose data keys are wrapped under those versions, still opens with today's keyring, and
 * erasing a person reaches only the live database.
 */
@Command(name = "purge-retired", mixinStandardHelpOptions = true,
        description = {"Remove the master-key versions that keys rotate retired from the keyring file, for good.",
                "Afterwards database backups taken before that rotation can no longer be decrypted with this keyring: "
                        + "that is what makes erasing a person reach those backups. Keep no other copy of the old keyring."},
        footer = "Spring properties such as --registry.data-dir=DIR are passed through to the application.")
public class KeysPurgeRetiredCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Spring properties such as --registry.data-dir=/tmp/registry, passed through unchanged. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = HeadlessRegistry.start(springArguments)) {
            List<Integer> removed = context.getBean(KeyRotationService.class).purgeRetired();
            out.println(removed.isEmpty() ? "No retired master key versions in the keyring; nothing removed."
                    : "Removed retired master key versions " + removed + " from the keyring.");
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            // Keyring and rotation messages name files, versions and counts, never key material.
            err.println("Purge failed: " + KeysCommand.keyringMessage(e));
            err.flush();
            return 1;
        }
    }
}
