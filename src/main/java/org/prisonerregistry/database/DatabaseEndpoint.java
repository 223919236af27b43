package org.prisonerregistry.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database in use: its JDBC URL, the role the application connects as, the role migrations run
 * as (the same one unless the operator sets REGISTRY_DB_MIGRATION_USER), and the embedded server
 * behind them if any.
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password, String migrationUser,
                               String migrationPassword, EmbeddedPostgresServer embedded) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseEndpoint.class);

    /** The operator's PostgreSQL when REGISTRY_DB_URL is set; else the embedded one, started or attached to. */
    public static DatabaseEndpoint open(DatabaseProperties properties) {
        DatabaseProperties.Db db = properties.db();
        if (db.configured()) {
            log.info("Database: external PostgreSQL at {} (REGISTRY_DB_URL)", withoutParameters(db.url()));
            return db.migration().configured()
                    ? new DatabaseEndpoint(db.url(), db.user(), db.password(), db.migration().user(), db.migration().password(), null)
                    : new DatabaseEndpoint(db.url(), db.user(), db.password(), db.user(), db.password(), null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrAttach(properties.dataDir(), properties.embedded().port());
        log.info("Database: embedded PostgreSQL on localhost:{}, data in {} (kept across restarts; set REGISTRY_DB_URL to use your own PostgreSQL)",
                server.port(), server.dataDir());
        return new DatabaseEndpoint(server.jdbcUrl(), server.applicationUser(), server.applicationPassword(),
                server.user(), server.password(), server);
    }

    /** Whether migrations and the application use different roles, so that the grants separate them. */
    public boolean separateMigrationRole() {
        return migrationUser != null && user != null && !migrationUser.equals(user);
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }

    /** Never shows the passwords. */
    @Override
    public String toString() {
        return "DatabaseEndpoint[" + withoutParameters(jdbcUrl) + ", user=" + user + ", migrationUser=" + migrationUser + "]";
    }

    /** Strips the query string, which may carry a password. */
    private static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
