package org.prisonerregistry.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.prisonerregistry.audit.AuditIntegrityCheck;
import org.prisonerregistry.audit.AuditIntegrityReport;
import org.prisonerregistry.audit.AuditLogRepository;
import org.prisonerregistry.audit.AuditProperties;
import org.prisonerregistry.audit.AuditSigningKey;
import org.prisonerregistry.audit.AuditVerifier;
import org.prisonerregistry.audit.CheckpointFile;
import org.prisonerregistry.audit.CheckpointVerifier;
import org.prisonerregistry.audit.LeafMac;
import org.prisonerregistry.audit.SealingBacklog;
import org.prisonerregistry.audit.StagingMac;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.database.DatabaseProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Verifies the audit log read-only: it neither starts the server, nor migrates, nor seals, so what
 * it checks is exactly what is stored. Works whether or not the server is running on the same data.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Rebuild the audit log's Merkle tree from the database, check every event's seal, every "
                + "checkpoint's signature, the consistency between consecutive checkpoints and against the "
                + "checkpoint file, and name the first bad event or checkpoint, or else the first record of a "
                + "staged event the sealer refused.",
                "Exit code: 0 intact, 1 not intact, 3 could not check (no database, no key)."},
        footer = "Spring properties such as --registry.data-dir=DIR are read as the server reads them.")
public class AuditVerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int NOT_INTACT = 1;
    static final int COULD_NOT_CHECK = 3;

    @Spec
    CommandSpec spec;

    /** Spring properties such as --registry.data-dir=/tmp/registry. */
    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        quietLibraries();
        // The verdict alone goes to standard output; anything a library prints goes to stderr.
        PrintStream standardOut = System.out;
        System.setOut(System.err);
        AuditIntegrityReport report;
        try {
            report = check();
        } catch (BindException | IllegalArgumentException | IllegalStateException | DataAccessException
                 | java.io.UncheckedIOException e) {
            // messages name files, settings and SQL states, never a stored value
            err.println("Could not verify the audit log: " + rootMessage(e));
            err.flush();
            return COULD_NOT_CHECK;
        } finally {
            System.setOut(standardOut);
        }
        out.println(report.summary());
        out.flush();
        return report.verdict().intact() ? INTACT : NOT_INTACT;
    }

    private AuditIntegrityReport check() {
        OfflineConfiguration configuration = OfflineConfiguration.of(springArguments);
        DatabaseProperties database = configuration.bind("registry", DatabaseProperties.class);
        AuditProperties audit = configuration.bind("registry.audit", AuditProperties.class);
        AuditSigningKey key = audit.signingKey(database.dataDir());
        try (DatabaseEndpoint endpoint = DatabaseEndpoint.open(database)) {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.user(), endpoint.password());
            DSLContext db = DSL.using(new TransactionAwareDataSourceProxy(dataSource), SQLDialect.POSTGRES,
                    new Settings().withExecuteLogging(false));
            StagingMac stagingMac = StagingMac.derivedFrom(key);
            AuditIntegrityCheck check = new AuditIntegrityCheck(new AuditLogRepository(db, new SealingBacklog(), stagingMac),
                    new DataSourceTransactionManager(dataSource),
                    new AuditVerifier(new CheckpointVerifier(key.noteKey()), LeafMac.derivedFrom(key), stagingMac),
                    new CheckpointFile(audit.checkpointFileIn(database.dataDir())), key.noteKey());
            return check.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception closing) {
            throw new IllegalStateException("Could not stop the embedded PostgreSQL: " + closing.getMessage(), closing);
        }
    }

    /**
     * Without Spring's logging set-up, Logback would print every library's DEBUG lines; before
     * initialisation Spring's logging system holds them back (and leaves a set-up one alone).
     */
    private static void quietLibraries() {
        LoggingSystem.get(AuditVerifyCommand.class.getClassLoader()).beforeInitialize();
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof java.sql.SQLException sql) {
            return "the database refused (SQLSTATE " + sql.getSQLState() + ")";
        }
        return cause.getMessage();
    }
}
