package org.prisonerregistry.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the registry keeps its data. With no {@code url} (env {@code REGISTRY_DB_URL}) the registry
 * runs its own embedded PostgreSQL whose files live in {@code dataDir} (env {@code REGISTRY_DATA_DIR}).
 */
@ConfigurationProperties("registry")
public record DatabaseProperties(
        @DefaultValue("./registry-data") Path dataDir,
        @DefaultValue Db db,
        @DefaultValue Embedded embedded) {

    /**
     * An operator-supplied PostgreSQL: REGISTRY_DB_URL, and the application's role REGISTRY_DB_USER
     * and _PASSWORD; migrations run as REGISTRY_DB_MIGRATION_USER and _PASSWORD when given.
     */
    public record Db(String url, String user, String password, @DefaultValue Migration migration) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }

        /** Never shows the passwords. */
        @Override
        public String toString() {
            return "Db[url=" + url + ", user=" + user + ", password=" + (password == null ? "unset" : "set")
                    + ", migration=" + migration + "]";
        }
    }

    /**
     * The role Flyway migrates as, which owns the tables. When set, the application's role gets
     * only the privileges it needs (none to change or remove audit records); unset, both are one role.
     */
    public record Migration(String user, String password) {
        public boolean configured() {
            return user != null && !user.isBlank();
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Migration[user=" + user + ", password=" + (password == null ? "unset" : "set") + "]";
        }
    }

    /** The embedded server's TCP port on the loopback interface; 0 picks a free one at each start. */
    public record Embedded(@DefaultValue("0") int port) {}
}
