package org.prisonerregistry.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Connects to the operator's PostgreSQL when REGISTRY_DB_URL is set, else to the embedded one: the
 * application through a pool as its own role, Flyway as the migration role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties) {
        return DatabaseEndpoint.open(properties);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseEndpoint endpoint) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.user());
        config.setPassword(endpoint.password());
        config.setPoolName("registry");
        config.setMaximumPoolSize(10);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** Flyway's own connections, as the role that owns the tables; never injected anywhere else. */
    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseEndpoint endpoint) {
        return new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.migrationUser(), endpoint.migrationPassword());
    }

    @Bean
    ApplicationRoleGrants applicationRoleGrants(DatabaseEndpoint endpoint) {
        return new ApplicationRoleGrants(endpoint);
    }
}
