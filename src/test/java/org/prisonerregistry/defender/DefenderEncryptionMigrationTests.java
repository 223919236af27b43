package org.prisonerregistry.defender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
 * Migration V7 turns the defender and threat text columns into ciphertexts. It cannot encrypt rows
 * already there (the keys are not in the database), so on a database filled before it, it must
 * refuse and change nothing rather than drop the text. Run in a schema of its own, then dropped.
 */
@RegistryIntegrationTest
class DefenderEncryptionMigrationTests {

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

    private FluentConfiguration migrations(String schema) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").schemas(schema)
                .createSchemas(true);
    }

    /** The newest migration before V7 (V4 alone, or V6 once the other tables' encryption is in). */
    private MigrationVersion lastBeforeV7(String schema) {
        MigrationVersion v7 = MigrationVersion.fromVersion("7");
        return Arrays.stream(migrations(schema).load().info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.isNewerThan(MigrationVersion.EMPTY) && v7.isNewerThan(v))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    @Test
    void shouldRefuseToEncryptADatabaseThatAlreadyHoldsDefendersAndChangeNothing() {
        String schema = "v7_guard_" + UUID.randomUUID().toString().replace("-", "");
        try {
            migrations(schema).target(lastBeforeV7(schema)).load().migrate();
            UUID organisation = UUID.randomUUID();
            db.execute("insert into " + schema + ".organisation (id, code, name, kind, country, created_at) "
                    + "values (?, 'OLD', 'Invented Old Collective', 'LAWYER_COLLECTIVE', 'CL', now())", organisation);
            db.execute("insert into " + schema + ".defender (id, organisation_id, full_name, kind, risk_level, recorded_at) "
                    + "values (?, ?, 'Invented Clear Name', 'LAWYER', 'HIGH', now())", UUID.randomUUID(), organisation);

            assertThatThrownBy(() -> migrations(schema).load().migrate()).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("filled before field encryption of defenders and threats")
                    .hasMessageContaining("Nothing was changed")
                    .hasMessageContaining("Start with a new data folder");

            assertThat(db.fetchValue("select full_name from " + schema + ".defender")).isEqualTo("Invented Clear Name");
            assertThat(db.fetchValue("select data_type from information_schema.columns where table_schema = ? "
                    + "and table_name = 'defender' and column_name = 'full_name'", schema)).isEqualTo("character varying");
        } finally {
            db.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
