package org.prisonerregistry.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code audit} group: checks on the tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the tamper-evident audit log.",
        subcommands = {AuditVerifyCommand.class})
public class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
