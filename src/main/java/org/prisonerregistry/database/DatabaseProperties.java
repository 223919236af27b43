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

    /** An operator-supplied PostgreSQL; all three map from REGISTRY_DB_URL, _USER and _PASSWORD. */
    public record Db(String url, String user, String password) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /** The embedded server's TCP port on the loopback interface; 0 picks a free one at each start. */
    public record Embedded(@DefaultValue("0") int port) {}
}
