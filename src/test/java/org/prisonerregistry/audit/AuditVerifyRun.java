package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.prisonerregistry.cli.RegistryCommand;
import picocli.CommandLine;

/** {@code audit verify} as a user runs it on a data folder, in this JVM, with its output captured. */
record AuditVerifyRun(int exitCode, String out, String err) {

    static AuditVerifyRun on(Path dataDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new RegistryCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("audit", "verify", "--registry.data-dir=" + dataDir);
        return new AuditVerifyRun(exitCode, out.toString(), err.toString());
    }

    /** Asserts the verdict "NOT intact" (exit 1), naming {@code problem} first; returns the run for more checks. */
    AuditVerifyRun assertNotIntact(String problem) {
        assertThat(exitCode).as(toString()).isEqualTo(1);
        assertThat(out).as(toString()).startsWith("Audit log NOT intact: " + problem);
        return this;
    }
}
