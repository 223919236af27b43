package org.prisonerregistry.support;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements jOOQ executes for the registry's data, so tests can prove that nested
 * fields are batched. The audit log's own statements (its events and the alert state, a constant few
 * per operation) are counted apart, in {@link #auditCount()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements ExecuteListener {

    private static final java.util.regex.Pattern AUDIT_TABLES =
            java.util.regex.Pattern.compile("\\b(audit_event|audit_chain_head|audit_checkpoint|special_read|access_alert)\\b");

    private final AtomicInteger executed = new AtomicInteger();
    private final AtomicInteger audit = new AtomicInteger();

    @Override
    public void executeStart(ExecuteContext ctx) {
        String sql = ctx.sql();
        (sql != null && AUDIT_TABLES.matcher(sql).find() ? audit : executed).incrementAndGet();
    }

    public void reset() {
        executed.set(0);
        audit.set(0);
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
