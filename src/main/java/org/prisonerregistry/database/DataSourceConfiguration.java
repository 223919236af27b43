package org.prisonerregistry.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects to the operator's PostgreSQL when REGISTRY_DB_URL is set, else to the embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DataSourceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataSourceConfiguration.class);

    @Bean(destroyMethod = "close")
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties) {
        if (properties.db().configured()) {
            log.info("Database: external PostgreSQL at {} (REGISTRY_DB_URL)", withoutParameters(properties.db().url()));
            return new DatabaseEndpoint(properties.db().url(), properties.db().user(), properties.db().password(), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(properties.dataDir(), properties.embedded().port());
        log.info("Database: embedded PostgreSQL on localhost:{}, data in {} (kept across restarts; set REGISTRY_DB_URL to use your own PostgreSQL)",
                server.port(), server.dataDir());
        return new DatabaseEndpoint(server.jdbcUrl(), server.user(), server.password(), server);
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

    /** Strips the query string, which may carry a password. */
    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The JDBC coordinates of the database in use, and the embedded server behind them if any. */
    record DatabaseEndpoint(String jdbcUrl, String user, String password, EmbeddedPostgresServer embedded)
            implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
