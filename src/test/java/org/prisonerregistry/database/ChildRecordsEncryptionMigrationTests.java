package org.prisonerregistry.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.prisonerregistry.support.RegistryIntegrationTest;
import org.prisonerregistry.support.TableOwner;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V6 turns the plaintext columns of detentions, cases and needs into ciphertexts. It cannot encrypt
 * in SQL, so on a database that already holds such rows it must refuse and change nothing, rather
 * than drop what is there. Runs the real migrations into a schema of its own.
 */
@RegistryIntegrationTest
class ChildRecordsEncryptionMigrationTests {

    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");

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

    @AfterEach
    void dropTheSchema() {
        db.execute("drop schema if exists " + schema + " cascade");
    }

    @Test
    void shouldRefuseADatabaseFilledBeforeFieldEncryptionAndChangeNothing() {
        migrateTo(lastVersionBefore("6"));
        UUID person = UUID.randomUUID();
        // Untyped literals, so the row fits whether or not an earlier migration already sealed detainee columns.
        db.execute("insert into " + schema + ".detainee (id, public_code, country, full_name, gender, affiliation,"
                + " recorded_at, updated_at) values ('" + person + "', 'CL-2019-999999', 'CL', 'Invented Person',"
                + " 'FEMALE', 'STUDENT', now(), now())");
        db.execute("insert into " + schema + ".detention (id, detainee_id, arrested_on, ill_treatment_account,"
                + " recorded_at) values ('" + UUID.randomUUID() + "', '" + person + "', date '2019-10-21',"
                + " 'Invented account', now())");

        assertThatThrownBy(() -> migrateTo("6"))
                .hasStackTraceContaining("filled before field encryption")
                .hasStackTraceContaining("nothing was changed")
                .hasStackTraceContaining("Start with a new data folder (or an empty database) and seed it again");

        assertThat(columnType("detention", "ill_treatment_account")).isEqualTo("text");
        assertThat(columnType("court_case", "ruc")).isEqualTo("character varying");
        assertThat(db.resultQuery("select ill_treatment_account from " + schema + ".detention").fetchSingle(0, String.class))
                .isEqualTo("Invented account");
    }

    @Test
    void shouldTurnTheColumnsOfAnEmptyDatabaseIntoCiphertexts() {
        migrateTo("6");

        assertThat(columnType("detention", "ill_treatment_account")).isEqualTo("bytea");
        assertThat(columnType("court_case", "ruc")).isEqualTo("bytea");
        assertThat(columnType("court_case", "rit")).isEqualTo("bytea");
        assertThat(columnType("court_case", "case_number")).isEqualTo("bytea");
        assertThat(columnType("court_case", "legal_notes")).isEqualTo("bytea");
        assertThat(columnType("support_need", "description")).isEqualTo("bytea");
    }

    private void migrateTo(String version) {
        flyway(version).migrate();
    }

    /** The migration just before {@code version}, whichever versions other changes have added. */
    private String lastVersionBefore(String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(flyway("latest").info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v != null && limit.isNewerThan(v))
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load();
    }

    private String columnType(String table, String column) {
        return db.resultQuery("select data_type from information_schema.columns"
                + " where table_schema = ? and table_name = ? and column_name = ?", schema, table, column)
                .fetchSingle(0, String.class);
    }
}
