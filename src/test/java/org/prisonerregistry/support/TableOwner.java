package org.prisonerregistry.support;

import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The migration role, which owns the tables: for tests that do what the application's own role may
 * not (create schemas, add triggers, revoke the application's rights).
 */
public final class TableOwner {

    private TableOwner() {
    }

    /** Connections as the table owner, one per use. */
    public static DataSource dataSource(DatabaseEndpoint database) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), database.jdbcUrl(), database.migrationUser(),
                database.migrationPassword());
    }

    public static DSLContext db(DatabaseEndpoint database) {
        return DSL.using(dataSource(database), SQLDialect.POSTGRES);
    }
}
