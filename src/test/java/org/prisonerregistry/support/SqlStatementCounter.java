package org.prisonerregistry.support;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.prisonerregistry.audit.AuditSealer;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements jOOQ executes for requests, so tests can prove that nested fields are
 * batched. The audit sealer's background rounds are no request's statements and are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlStatementCounter implements ExecuteListener {

    private final AtomicInteger executed = new AtomicInteger();

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (Thread.currentThread().getName().startsWith(AuditSealer.THREAD_NAME)) {
            return;
        }
        executed.incrementAndGet();
    }

    public void reset() {
        executed.set(0);
    }

    public int count() {
        return executed.get();
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
