package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.database.DatabaseEndpoint;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TableOwner;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Migration V5 turns clear personal columns into ciphertexts, which cannot keep their values: on a
 * database that already holds detainees it must refuse, change nothing and say what to do, instead
 * of silently dropping every name. Runs the real migrations in a schema of its own.
 */
@RegistryIntegrationTest
class DetaineeEncryptionMigrationTests {

    /** The migration role: it owns the schemas, and the application's role may not create them. */
    @Autowired
    DatabaseEndpoint database;

    private DataSource dataSource;
    private DSLContext db;

    @BeforeEach
    void connectAsTheTableOwner() {
        dataSource = TableOwner.dataSource(database);
        db = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    private Flyway migrationsUpTo(String schema, String version) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target(version).load();
    }

    @Test
    void shouldRefuseADatabaseFilledBeforeFieldEncryptionAndChangeNothing() {
        String schema = "before_encryption_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try {
            migrationsUpTo(schema, "4").migrate();
            db.execute("insert into " + schema + ".detainee (id, public_code, country, full_name, gender, affiliation,"
                    + " recorded_at, updated_at) values (gen_random_uuid(), 'CL-2019-000001', 'CL', 'Invented Clear Name',"
                    + " 'FEMALE', 'STUDENT', now(), now())");

            assertThatThrownBy(() -> migrationsUpTo(schema, "5").migrate())
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("filled before field encryption")
                    .hasMessageContaining("Nothing was changed")
                    .hasMessageNotContaining("Invented Clear Name");

            assertThat(db.fetchValue("select data_type from information_schema.columns where table_schema = ?"
                    + " and table_name = 'detainee' and column_name = 'full_name'", schema)).isEqualTo("character varying");
            assertThat(db.fetchValue("select full_name from " + schema + ".detainee")).isEqualTo("Invented Clear Name");
        } finally {
            db.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void shouldMigrateAnEmptyDatabase() {
        String schema = "empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try {
            migrationsUpTo(schema, "5").migrate();

            assertThat(db.fetchValue("select data_type from information_schema.columns where table_schema = ?"
                    + " and table_name = 'detainee' and column_name = 'full_name'", schema)).isEqualTo("bytea");
        } finally {
            db.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
