package org.prisonerregistry.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.prisonerregistry.keys.KeyRotation;
import org.prisonerregistry.keys.KeyRotationService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Adds a master-key version and rewraps every data key under it, then retires the older versions.
 * Works whether or not the server is running on the same data; a running server picks up the new
 * keyring file by itself.
 */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Add a master-key version to the keyring, rewrap every subject's data key under it in batches "
                + "(the server keeps serving), then retire the older versions.",
                "Works whether or not the server is running on the same data and keyring."},
        footer = "Spring properties such as --registry.data-dir=DIR are passed through to the application.")
public class KeysRotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + KeyRotationService.DEFAULT_BATCH_SIZE,
            description = "Data keys rewrapped per transaction, from 1 to 10,000 (default ${DEFAULT-VALUE}).")
    int batchSize;

    /** Spring properties such as --registry.data-dir=/tmp/registry, passed through unchanged. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        if (batchSize < 1 || batchSize > KeyRotationService.MAX_BATCH_SIZE) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be between 1 and 10,000 (was " + batchSize + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ConfigurableApplicationContext context = HeadlessRegistry.start(springArguments)) {
            KeyRotation done = context.getBean(KeyRotationService.class).rotate(batchSize, progress -> {
                out.println(progress);
                out.flush();
            });
            out.println("Done: " + done.onCurrentVersion() + "/" + done.dataKeys() + " data keys on master version "
                    + done.currentMasterVersion() + "; versions below " + done.minimumDecryptionVersion() + " retired.");
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            // Keyring and rotation messages name files, versions and counts, never key material.
            err.println("Rotation failed: " + KeysCommand.keyringMessage(e));
            err.flush();
            return 1;
        }
    }
}
