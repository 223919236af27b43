package org.prisonerregistry.support;

import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Table;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.prisonerregistry.audit.AuditSealer;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements jOOQ executes for the registry's data, so tests can prove that nested
 * fields are batched. The audit log's own statements (its events and the alert state, a constant few
 * per operation) are counted apart, in {@link #auditCount()}; the audit sealer's background rounds
 * are no request's statements and are not counted at all.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements ExecuteListener {

    /** Statements kept for {@link #selectsFrom}; a bound, since the context outlives many tests between resets. */
    private static final int KEPT_STATEMENTS = 10_000;
    private static final Pattern AUDIT_TABLES =
            Pattern.compile("\\b(audit_event|audit_event_staged|audit_chain_head|audit_checkpoint|audit_staging_mac_boundary"
                    + "|audit_lock_chain_head|audit_seal|special_read|access_alert)\\b");

    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger audit = new AtomicInteger();
    private final Queue<String> statements = new ConcurrentLinkedQueue<>();

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (Thread.currentThread().getName().startsWith(AuditSealer.THREAD_NAME)) {
            return;
        }
        String sql = ctx.sql();
        if (sql != null && AUDIT_TABLES.matcher(sql).find()) {
            audit.incrementAndGet();
            return;
        }
        if (executed.incrementAndGet() <= KEPT_STATEMENTS && sql != null) {
            statements.add(sql);
        }
    }

    public void reset() {
        executed.set(0);
        audit.set(0);
        statements.clear();
    }

    /** How many of the statements since the last reset were selects reading {@code table}. */
    public long selectsFrom(Table<?> table) {
        if (executed.get() > KEPT_STATEMENTS) {
            throw new IllegalStateException("More than " + KEPT_STATEMENTS + " statements since the last reset: reset first");
        }
        Pattern from = Pattern.compile("^\\s*select\\b.*\\bfrom\\s+(\"?\\w+\"?\\.)?\"?" + Pattern.quote(table.getName()) + "\\b",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        return statements.stream().filter(sql -> from.matcher(sql).find()).count();
    }

    /** The statements on the registry's data since the last reset (up to a bound), for a failing test to show. */
    public java.util.List<String> statements() {
        return java.util.List.copyOf(statements);
    }

    /** Statements on the registry's data since the last reset. */
    public int count() {
        return executed.get();
    }

    /** Statements on the audit log and the alert state since the last reset. */
    public int auditCount() {
        return audit.get();
    }

    @Bean
    DefaultConfigurationCustomizer countSqlStatements() {
        return configuration -> {
            ExecuteListenerProvider[] existing = configuration.executeListenerProviders();
            ExecuteListenerProvider[] all = Arrays.copyOf(existing, existing.length + 1);
            all[existing.length] = new DefaultExecuteListenerProvider(this);
            configuration.set(all);
        };
    }
}
