package org.prisonerregistry.database;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** jOOQ settings that keep sensitive values out of logs. */
@Configuration(proxyBeanMethods = false)
class JooqLoggingConfiguration {

    /**
     * jOOQ's own execute logging prints every statement with its bind values at DEBUG, which would
     * put names and ID numbers into the log of anyone who turns DEBUG on. Switch it off for good.
     */
    @Bean
    DefaultConfigurationCustomizer noStatementLogging() {
        return configuration -> configuration.settings().setExecuteLogging(false);
    }
}
